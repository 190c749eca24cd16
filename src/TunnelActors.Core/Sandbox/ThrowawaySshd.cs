using System.Diagnostics;
using System.Globalization;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Sandbox;

/// <summary>A private sshd on 127.0.0.1 with its own host and client keys, run as the current user.</summary>
/// <remarks>
/// Used by <c>tunnelactors demo</c> and the benchmarks, where no server is at hand. Everything lives in
/// <see cref="Directory"/> (mode 0700); sshd runs <c>-D -e</c> with StrictModes and PAM off, so only the current user
/// can log in, with the generated key. Each connection is served by a child of the listener (a "session"), which
/// can be killed or frozen to inject faults.
/// </remarks>
public sealed class ThrowawaySshd : IAsyncDisposable
{
    /// <summary>Where Debian installs sshd.</summary>
    public const string SshdPath = "/usr/sbin/sshd";

    private readonly TimeProvider _time;
    private readonly List<string> _log = [];
    private Process? _sshd;

    private ThrowawaySshd(string directory, int port, TimeProvider time)
    {
        Directory = directory;
        Port = port;
        _time = time;
    }

    /// <summary>The directory holding keys, configuration and known_hosts.</summary>
    public string Directory { get; }

    /// <summary>The port sshd listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The client's private key (authorized for the current user).</summary>
    public string ClientKeyPath => Path.Combine(Directory, "client_ed25519");

    /// <summary>A known_hosts file holding exactly this sshd's host key.</summary>
    public string KnownHostsPath => Path.Combine(Directory, "known_hosts");

    /// <summary>The listening sshd's pid, or 0 when stopped.</summary>
    public int ListenerPid => _sshd?.Id ?? 0;

    /// <summary>The ssh options that make a client trust exactly this sshd.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ClientOptions =>
    [
        new("UserKnownHostsFile", KnownHostsPath),
        new("GlobalKnownHostsFile", "/dev/null"),
        new("StrictHostKeyChecking", "yes"),
        new("UpdateHostKeys", "no"),
    ];

    /// <summary>What is missing for a throwaway sshd, as an install hint, or null when everything is there.</summary>
    public static string? MissingPrerequisites()
    {
        var missing = new List<string>();
        if (!File.Exists(SshdPath))
        {
            missing.Add("openssh-server");
        }

        if (ExecutableResolver.Resolve("ssh-keygen") is null || ExecutableResolver.Resolve("ssh") is null)
        {
            missing.Add("openssh-client");
        }

        return missing.Count == 0 ? null : $"missing {string.Join(" and ", missing)}: install with `sudo apt-get install {string.Join(' ', missing)}`";
    }

    /// <summary>Generates keys and a configuration under <paramref name="parentDirectory"/> and starts sshd.</summary>
    public static async Task<ThrowawaySshd> StartAsync(string parentDirectory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The throwaway sshd needs Linux.");
        }

        var dir = Path.Combine(parentDirectory, "sshd-" + Guid.NewGuid().ToString("N")[..6]);
        System.IO.Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sshd = new ThrowawaySshd(dir, LoopbackPorts.FindFree(), time);
        try
        {
            await sshd.GenerateKeysAsync(cancellationToken);
            sshd.WriteConfig();
            await sshd.StartListenerAsync(cancellationToken);
            return sshd;
        }
        catch
        {
            await sshd.DisposeAsync();
            throw;
        }
    }

    /// <summary>The per-connection sshd processes (children of the listener).</summary>
    public IReadOnlyList<int> SessionPids() => _sshd is null ? [] : ProcStat.ChildrenOf(_sshd.Id);

    /// <summary>Sends <paramref name="signal"/> to every session and its descendants; returns how many processes.</summary>
    public int SignalSessions(UnixSignal signal)
    {
        var targets = SessionPids().SelectMany(Descendants).ToList();
        foreach (var pid in targets)
        {
            NativeMethods.Kill(pid, signal);
        }

        return targets.Count;
    }

    /// <summary>Stops the listener and all sessions.</summary>
    public async Task StopAsync()
    {
        if (_sshd is not { } sshd)
        {
            return;
        }

        SignalSessions(UnixSignal.Cont);
        SignalSessions(UnixSignal.Kill);
        sshd.Kill();
        await sshd.WaitForExitAsync();
        sshd.Dispose();
        _sshd = null;
    }

    /// <summary>Stops sshd and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A socket still in use; the parent temp directory is removed by its owner.
        }
    }

    private static IEnumerable<int> Descendants(int pid) => ProcStat.ChildrenOf(pid).SelectMany(Descendants).Prepend(pid);

    private async Task GenerateKeysAsync(CancellationToken cancellationToken)
    {
        var hostKey = Path.Combine(Directory, "host_ed25519");
        await RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "tunnelactors-throwaway-host", "-f", hostKey], cancellationToken);
        await RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "tunnelactors-throwaway-client", "-f", ClientKeyPath], cancellationToken);
        File.Copy(ClientKeyPath + ".pub", Path.Combine(Directory, "authorized_keys"));
        var hostPublic = (await File.ReadAllTextAsync(hostKey + ".pub", cancellationToken)).Trim();
        await File.WriteAllTextAsync(KnownHostsPath, $"[127.0.0.1]:{Port.ToString(CultureInfo.InvariantCulture)} {hostPublic}\n", cancellationToken);
    }

    private void WriteConfig() => File.WriteAllLines(Path.Combine(Directory, "sshd_config"),
    [
        "ListenAddress 127.0.0.1",
        $"Port {Port.ToString(CultureInfo.InvariantCulture)}",
        $"HostKey {Path.Combine(Directory, "host_ed25519")}",
        $"AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}",
        "StrictModes no",
        "UsePAM no",
        "PidFile none",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "AllowTcpForwarding yes",
        "AllowStreamLocalForwarding yes",
        "StreamLocalBindUnlink yes",
        "UseDNS no",
        "PrintMotd no",
        "LoginGraceTime 10",
        "MaxStartups 100:30:200",
        "ClientAliveInterval 5",
        "ClientAliveCountMax 2",
    ]);

    private async Task StartListenerAsync(CancellationToken cancellationToken)
    {
        // sshd started as root insists on its privilege-separation directory.
        if (Environment.UserName == "root" && !System.IO.Directory.Exists("/run/sshd"))
        {
            System.IO.Directory.CreateDirectory("/run/sshd");
        }

        var info = new ProcessStartInfo(SshdPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-D", "-e", "-f", Path.Combine(Directory, "sshd_config") })
        {
            info.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {SshdPath}");
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetResult(false);
                return;
            }

            lock (_log)
            {
                _log.Add(e.Data);
            }

            if (e.Data.Contains("Server listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult(true);
            }
        };
        process.BeginErrorReadLine();
        _sshd = process;
        if (!await listening.Task.WaitAsync(TimeSpan.FromSeconds(15), _time, cancellationToken))
        {
            string log;
            lock (_log)
            {
                log = string.Join(" | ", _log);
            }

            throw new InvalidOperationException($"sshd did not start: {log}");
        }
    }

    private static async Task RunAsync(string program, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }
    }
}
