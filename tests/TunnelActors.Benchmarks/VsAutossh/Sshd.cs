using System.Globalization;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>A real OpenSSH sshd in the server namespace, key-only root login, logging to stderr (<c>-D -e</c>).</summary>
/// <remarks>
/// Each client connection is served by a child of the listener (the per-connection monitor) and its own child
/// (<c>sshd: root@notty</c>); that subtree is the "session" faults are injected into. MaxStartups is the OpenSSH
/// default 10:30:100, written out so the mass-reconnect scenario measures what a stock server refuses.
/// </remarks>
internal sealed class Sshd : IAsyncDisposable
{
    public const int Port = 22;
    private const string MaxStartups = "10:30:100";

    private readonly NetworkFixture _network;
    private readonly string _directory;
    private int _dropped;
    private ChildProcess? _listener;

    private Sshd(NetworkFixture network, string directory)
    {
        _network = network;
        _directory = directory;
    }

    /// <summary>The client private key authorised for root.</summary>
    public string ClientKey => Path.Combine(_directory, "client_ed25519");

    /// <summary>The sshd -e log file.</summary>
    public string LogPath => Path.Combine(_directory, "sshd.log");

    /// <summary>Handshakes refused so far (count of "drop connection ... past MaxStartups" lines).</summary>
    public int DroppedConnections => Volatile.Read(ref _dropped);

    /// <summary>The MaxStartups setting, for the report.</summary>
    public static string MaxStartupsSetting => MaxStartups;

    /// <summary>Generates keys and configuration in <paramref name="directory"/> and starts sshd.</summary>
    public static async Task<Sshd> StartAsync(NetworkFixture network, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var sshd = new Sshd(network, directory);
        CommandRunner.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(directory, "host_ed25519"));
        CommandRunner.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", sshd.ClientKey);
        File.Copy(sshd.ClientKey + ".pub", Path.Combine(directory, "authorized_keys"));
        await File.WriteAllTextAsync(Path.Combine(directory, "sshd_config"), sshd.Config(), cancellationToken);
        await sshd.StartListenerAsync(cancellationToken);
        return sshd;
    }

    /// <summary>The per-connection session subtrees currently alive (each: monitor pid first, then descendants).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Sessions() =>
        _listener is null ? [] : ProcFs.Children(_listener.Pid).Select(ProcFs.Tree).ToList();

    /// <summary>Sends <paramref name="signal"/> to every process of every current session; returns the pids signalled.</summary>
    public IReadOnlyList<int> SignalSessions(int signal)
    {
        var pids = Sessions().SelectMany(tree => tree).ToList();
        foreach (var pid in pids)
        {
            Native.Kill(pid, signal);
        }

        return pids;
    }

    /// <summary>The client-side TCP ports of established connections to sshd (server namespace view).</summary>
    public IReadOnlyList<int> EstablishedClientPorts()
    {
        if (_listener is null)
        {
            return [];
        }

        // /proc/PID/net/tcp is the table of PID's network namespace; columns: sl local rem st ... (hex).
        var ports = new List<int>();
        foreach (var line in File.ReadLines($"/proc/{_listener.Pid}/net/tcp").Skip(1))
        {
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var localPort = int.Parse(cols[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (localPort == Port && cols[3] == "01")
            {
                ports.Add(int.Parse(cols[2].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return ports;
    }

    /// <summary>Kills the listener and every session at once (a crashed or rebooted server), then starts sshd again.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        KillAll();
        await StartListenerAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        KillAll();
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }
    }

    private void KillAll()
    {
        if (_listener is null)
        {
            return;
        }

        foreach (var pid in ProcFs.Tree(_listener.Pid))
        {
            Native.Kill(pid, Native.SigCont);
            Native.Kill(pid, Native.SigKill);
        }
    }

    private async Task StartListenerAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        // sshd -e logs "Server listening on <address> port <port>." once its socket listens.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listener = ChildProcess.Start(
            _network.ServerName,
            ["/usr/sbin/sshd", "-D", "-e", "-f", Path.Combine(_directory, "sshd_config")],
            onLine: line =>
            {
                // LogLevel VERBOSE: sshd logs every refused handshake as "drop connection #N ... past MaxStartups"
                // (at INFO only the first of each throttling episode).
                if (line.Contains("drop connection", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _dropped);
                }
                else if (line.Contains("Server listening on", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            },
            logFile: LogPath);
        var first = await Task.WhenAny(listening.Task, _listener.Exited).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        if (first != listening.Task)
        {
            throw new InvalidOperationException($"sshd exited {_listener.ExitCode}: {_listener.Tail}");
        }
    }

    private string Config() => $"""
        ListenAddress {NetworkFixture.ServerAddress}
        Port {Port}
        HostKey {Path.Combine(_directory, "host_ed25519")}
        AuthorizedKeysFile {Path.Combine(_directory, "authorized_keys")}
        PidFile {Path.Combine(_directory, "sshd.pid")}
        StrictModes no
        PermitRootLogin prohibit-password
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        UseDNS no
        PrintMotd no
        X11Forwarding no
        AllowTcpForwarding yes
        AllowStreamLocalForwarding yes
        StreamLocalBindUnlink yes
        MaxStartups {MaxStartups}
        LogLevel VERBOSE

        """;
}
