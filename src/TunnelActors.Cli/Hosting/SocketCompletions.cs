namespace TunnelActors.Cli.Hosting;

/// <summary>Lets the daemon's socket continuations run on the runtime's socket event thread.</summary>
/// <remarks>
/// By default the runtime's epoll thread hands every socket event to the thread pool, and a woken pool thread then
/// runs the continuation: each probe (a connection through ssh and back to the loop listener, about six events, some
/// of them bare write-readiness edges with nothing waiting) paid a thread wake-up per event. Running continuations
/// inline halves the daemon's context switches and cut its idle CPU at 100 tunnels from 1.7 % to 1.2 % of a core
/// (tests/TunnelActors.Benchmarks/VsAutossh/RESULTS.md). It is safe here because no socket continuation blocks: the
/// probe and the loop listener only compare bytes and tell an actor, ssh's stderr is appended to a tail, and Kestrel
/// hands requests to the thread pool itself. The runtime reads the variable once, when the first socket is registered,
/// so this must run before the daemon starts; a value the user set is kept. ssh children inherit the variable, which
/// only .NET programs read.
/// </remarks>
internal static class SocketCompletions
{
    /// <summary>The runtime's switch (System.Net.Sockets, SocketAsyncEngine on Unix).</summary>
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions on in this process unless the environment already decides.</summary>
    public static void PreferInline() => PreferInline(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);

    /// <summary>Sets <see cref="Variable"/> to 1 through <paramref name="setEnvironment"/> when
    /// <paramref name="getEnvironment"/> has no value for it.</summary>
    public static void PreferInline(Func<string, string?> getEnvironment, Action<string, string> setEnvironment)
    {
        if (getEnvironment(Variable) is null)
        {
            setEnvironment(Variable, "1");
        }
    }
}
