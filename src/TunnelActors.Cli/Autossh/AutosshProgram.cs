using TunnelActors.Core.Autossh;

namespace TunnelActors.Cli.Autossh;

/// <summary>The drop-in's process: start-up in autossh's order, <c>-f</c>, then the supervisor until autossh would exit.</summary>
internal static class AutosshProgram
{
    /// <summary>Runs <c>autossh</c> with <paramref name="args"/> (the words after <c>autossh</c>) and returns its exit status.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        // The detached child of -f carries the directory the parent started in: relative log and pid files stay there.
        var detachedFrom = Environment.GetEnvironmentVariable(AutosshDetach.MarkerVariable);
        if (detachedFrom is not null)
        {
            AutosshDetach.DetachStandardStreams();
        }

        var workingDirectory = detachedFrom ?? Environment.CurrentDirectory;
        var inputs = new AutosshStartupInputs(
            args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, TimeProvider.System, Environment.ProcessId, workingDirectory);
        var (exitCode, session) = AutosshStartup.Begin(inputs);
        if (session is null)
        {
            return exitCode ?? 1;
        }

        using (session)
        {
            if (session.Settings.Background && detachedFrom is null)
            {
                return session.Finish(AutosshDetach.Start(args, workingDirectory, session.Log));
            }

            return await new AutosshSupervisor(session, TimeProvider.System).RunAsync();
        }
    }
}
