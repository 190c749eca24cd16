using System.Security.Cryptography;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Two private network namespaces joined by a veth pair: the client side and the server side.</summary>
/// <remarks>
/// Client (ssh, autossh, tunnelactors, the probes) and server (sshd, echo services) each get their own loopback, so
/// autossh's loop monitor (-L p on the client, -R p on the server) does not collide, ports never clash with other
/// programs on the machine, and faults (iptables) stay inside. Disposal kills every process left in either namespace.
/// </remarks>
internal sealed class NetworkFixture : IDisposable
{
    public const string ClientAddress = "10.203.0.1";
    public const string ServerAddress = "10.203.0.2";

    private readonly string _suffix;
    private bool _disposed;

    private NetworkFixture(string suffix)
    {
        _suffix = suffix;
        ClientName = $"ta-bench-{suffix}-c";
        ServerName = $"ta-bench-{suffix}-s";
    }

    /// <summary>Client namespace name (under /run/netns).</summary>
    public string ClientName { get; }

    /// <summary>Server namespace name (under /run/netns).</summary>
    public string ServerName { get; }

    /// <summary>Creates sockets inside the client namespace.</summary>
    public NetnsThread Client { get; private set; } = null!;

    /// <summary>Creates sockets inside the server namespace.</summary>
    public NetnsThread Server { get; private set; } = null!;

    /// <summary>Creates both namespaces, the veth link and loopbacks; cleans up what it made on failure.</summary>
    public static NetworkFixture Create()
    {
        var fixture = new NetworkFixture(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
        try
        {
            fixture.Setup();
            return fixture;
        }
        catch
        {
            fixture.Dispose();
            throw;
        }
    }

    /// <summary>The argv prefix that runs a program inside the named namespace (nsenter execs, so pids are kept).</summary>
    public static IReadOnlyList<string> EnterPrefix(string name) => ["nsenter", $"--net=/run/netns/{name}", "--"];

    /// <summary>Runs iptables inside the server namespace.</summary>
    public void ServerIptables(params string[] args) =>
        CommandRunner.Run("ip", ["netns", "exec", ServerName, "iptables", .. args]);

    /// <summary>SIGKILLs every process in the client namespace (between runs it must be empty: no orphaned ssh).</summary>
    public int KillClientProcesses() => KillIn(Client?.NamespaceId);

    /// <summary>SIGKILLs every process in both namespaces (after SIGCONT, so stopped ones die too).</summary>
    public int KillEverything() => KillIn(Client?.NamespaceId, Server?.NamespaceId);

    private static int KillIn(params string?[] namespaceIds)
    {
        var ids = namespaceIds.Where(id => id is not null).ToHashSet();
        var killed = 0;
        foreach (var pid in ProcFs.AllPids())
        {
            if (pid != Environment.ProcessId && ids.Contains(ProcFs.NetNamespace(pid)))
            {
                Native.Kill(pid, Native.SigCont);
                killed += Native.Kill(pid, Native.SigKill) ? 1 : 0;
            }
        }

        return killed;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillEverything();
        Client?.Dispose();
        Server?.Dispose();

        // Deleting a namespace also removes its veth end, addresses and iptables rules.
        CommandRunner.TryRun("ip", "netns", "del", ClientName);
        CommandRunner.TryRun("ip", "netns", "del", ServerName);
    }

    private void Setup()
    {
        CommandRunner.Run("ip", "netns", "add", ClientName);
        CommandRunner.Run("ip", "netns", "add", ServerName);
        var (clientIf, serverIf) = ($"tab{_suffix}c", $"tab{_suffix}s");
        CommandRunner.Run("ip", "link", "add", clientIf, "netns", ClientName, "type", "veth", "peer", "name", serverIf, "netns", ServerName);
        foreach (var (ns, dev, address) in new[] { (ClientName, clientIf, ClientAddress), (ServerName, serverIf, ServerAddress) })
        {
            CommandRunner.Run("ip", "-n", ns, "addr", "add", address + "/30", "dev", dev);
            CommandRunner.Run("ip", "-n", ns, "link", "set", dev, "up");
            CommandRunner.Run("ip", "-n", ns, "link", "set", "lo", "up");
        }

        Client = new NetnsThread($"/run/netns/{ClientName}");
        Server = new NetnsThread($"/run/netns/{ServerName}");
    }
}
