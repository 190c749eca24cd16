using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>A real sshd on 127.0.0.1 with its own host key and client key, for one test.</summary>
/// <remarks>
/// Everything lives in a fresh directory under /tmp (short, so Unix socket paths fit in sun_path). sshd runs
/// <c>-D -e</c> as the current user with StrictModes/UsePAM off and TCP and stream-local forwarding allowed. The client
/// side gets a generated known_hosts and StrictHostKeyChecking=yes (<see cref="ClientOptions"/>), so the tests also
/// exercise host-key checking. Sessions (one sshd child per connection) can be found, stopped and killed.
/// </remarks>
public sealed class SshdFixture : IAsyncDisposable
{
    private readonly SshdOptions _options;
    private readonly List<string> _log = [];
    private Process? _sshd;

    private SshdFixture(string directory, SshdOptions options)
    {
        Directory = directory;
        _options = options;
    }

    /// <summary>The fixture's directory (keys, config, known_hosts, scratch space for tests).</summary>
    public string Directory { get; }

    /// <summary>sshd's port on 127.0.0.1 (inside the namespace when there is one).</summary>
    public int Port { get; private set; }

    /// <summary>The login user (the current user).</summary>
    public string User { get; } = Environment.UserName;

    /// <summary>The client's private key.</summary>
    public string ClientKeyPath => Path.Combine(Directory, "client_ed25519");

    /// <summary>The known_hosts file that holds sshd's host key.</summary>
    public string KnownHostsPath => Path.Combine(Directory, "known_hosts");

    /// <summary>sshd's host key file.</summary>
    public string HostKeyPath => Path.Combine(Directory, "host_ed25519");

    /// <summary>The listening sshd's pid.</summary>
    public int ListenerPid => _sshd?.Id ?? 0;

    /// <summary>sshd's stderr so far (it logs with -e).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>The destination of this sshd.</summary>
    public SshDestination Destination => new("127.0.0.1", User, Port, ClientKeyPath);

    /// <summary>The ssh options that make a client trust exactly this sshd (and reach it through the namespace).</summary>
    public ImmutableArray<KeyValuePair<string, string>> ClientOptions
    {
        get
        {
            var options = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            options.Add(new("UserKnownHostsFile", KnownHostsPath));
            options.Add(new("StrictHostKeyChecking", "yes"));
            options.Add(new("GlobalKnownHostsFile", "/dev/null"));
            options.Add(new("UpdateHostKeys", "no"));
            if (_options.Namespace is { } ns)
            {
                options.Add(new("ProxyCommand", $"ip netns exec {ns} nc 127.0.0.1 {Port.ToString(CultureInfo.InvariantCulture)}"));
            }

            return options.ToImmutable();
        }
    }

    /// <summary>Generates keys, writes the config and starts sshd (retrying with another port if one is taken).</summary>
    public static async Task<SshdFixture> StartAsync(SshdOptions? options = null)
    {
        var dir = Path.Combine("/tmp", "ta-" + Guid.NewGuid().ToString("N")[..8]);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The sshd fixture needs Linux.");
        }

        System.IO.Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var fixture = new SshdFixture(dir, options ?? new SshdOptions());
        try
        {
            fixture.GenerateKeys();
            for (var attempt = 1; ; attempt++)
            {
                fixture.Port = LoopbackPorts.FindFree();
                fixture.WriteConfig();
                if (await fixture.StartSshdAsync() || attempt == 5)
                {
                    break;
                }
            }

            if (fixture._sshd is null)
            {
                throw new InvalidOperationException("sshd did not start: " + string.Join(" | ", fixture.Log));
            }

            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    /// <summary>A tunnel to this sshd with the given forwards, trusted client options and no monitor.</summary>
    public TunnelSettings CreateTunnel(
        string name,
        IEnumerable<ForwardSpec>? local = null,
        IEnumerable<ForwardSpec>? remote = null,
        IEnumerable<KeyValuePair<string, string>>? extraOptions = null,
        string sshPath = "ssh") =>
        new(
            name,
            Destination,
            [.. local ?? []],
            [.. remote ?? []],
            [],
            [.. ClientOptions, .. extraOptions ?? []],
            ["-F", "/dev/null"], // hermetic: ignore the CI user's ~/.ssh/config
            sshPath,
            TestSettings.Monitor(MonitorMode.None),
            TestSettings.Backoff(),
            TestSettings.Limits(),
            TimeSpan.FromSeconds(2));

    /// <summary>The per-connection sshd processes (children of the listener).</summary>
    public IReadOnlyList<int> SessionPids() => _sshd is null ? [] : ProcStat.ChildrenOf(_sshd.Id);

    /// <summary>Waits until at least <paramref name="count"/> sessions exist; returns their pids.</summary>
    public async Task<IReadOnlyList<int>> WaitForSessionsAsync(int count = 1, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var sessions = SessionPids();
            if (sessions.Count >= count)
            {
                return sessions;
            }

            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"Expected {count} sshd session(s), found {sessions.Count}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits for a session that is not in <paramref name="known"/> (take <see cref="SessionPids"/> before
    /// starting a client to find that client's session among others); returns its pid.</summary>
    public async Task<int> WaitForNewSessionAsync(IReadOnlyCollection<int> known, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var fresh = SessionPids().Except(known).ToList();
            if (fresh.Count > 0)
            {
                return fresh[0];
            }

            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException("No new sshd session appeared.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Sends <paramref name="signal"/> to one session process and its descendants.</summary>
    public void SignalSession(int sessionPid, UnixSignal signal)
    {
        foreach (var pid in Descendants(sessionPid).ToList())
        {
            NativeMethods.Kill(pid, signal);
        }
    }

    /// <summary>Sends <paramref name="signal"/> to every session process and its descendants; returns how many.</summary>
    public int SignalSessions(UnixSignal signal)
    {
        var targets = SessionPids().SelectMany(Descendants).ToList();
        foreach (var pid in targets)
        {
            NativeMethods.Kill(pid, signal);
        }

        return targets.Count;
    }

    /// <summary>Stops the listener and every session.</summary>
    public async Task StopAsync()
    {
        if (_sshd is null)
        {
            return;
        }

        SignalSessions(UnixSignal.Kill);
        _sshd.Kill();
        await _sshd.WaitForExitAsync();
        _sshd.Dispose();
        _sshd = null;
    }

    /// <summary>Stops sshd and starts it again on the same port with the same keys.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        if (!await StartSshdAsync())
        {
            throw new InvalidOperationException($"sshd could not listen on port {Port} again: " + string.Join(" | ", Log));
        }
    }

    /// <summary>Stops sshd and removes the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A socket file still in use; /tmp is cleaned eventually.
        }
    }

    private static IEnumerable<int> Descendants(int pid) =>
        ProcStat.ChildrenOf(pid).SelectMany(Descendants).Prepend(pid);

    private void GenerateKeys()
    {
        ProcessRunner.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ta-test-host", "-f", HostKeyPath);
        ProcessRunner.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ta-test-client", "-f", ClientKeyPath);
        File.Copy(ClientKeyPath + ".pub", Path.Combine(Directory, "authorized_keys"));
    }

    private void WriteConfig()
    {
        var hostKey = File.ReadAllText(HostKeyPath + ".pub").Trim();
        File.WriteAllText(KnownHostsPath, $"[127.0.0.1]:{Port.ToString(CultureInfo.InvariantCulture)} {hostKey}\n");
        File.WriteAllLines(
            Path.Combine(Directory, "sshd_config"),
            SshdConfigFile.Lines(Port, HostKeyPath, Path.Combine(Directory, "authorized_keys"), _options));
    }

    private async Task<bool> StartSshdAsync()
    {
        _sshd = await SshdLauncher.StartAsync(Path.Combine(Directory, "sshd_config"), _options.Namespace, _log);
        return _sshd is not null;
    }
}
