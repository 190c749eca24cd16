using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TunnelActors.Core.Ssh;

/// <summary>A real ssh child process: stderr tail, exit observation and two-phase stop.</summary>
/// <remarks>Created by <see cref="SshProcessFactory"/>.</remarks>
internal sealed class SshProcess : ISshProcess
{
    private static readonly string[] ServiceManagerVariables = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"];

    private readonly Process? _process;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StderrTail _tail;
    private readonly bool _ownsGroup;
    private volatile bool _stopRequested;

    private SshProcess(SshStartRequest request, Process? process, TimeProvider time, ILogger logger, StderrTail tail, bool ownsGroup)
    {
        TunnelName = request.TunnelName;
        Incarnation = request.Incarnation;
        _process = process;
        _time = time;
        _logger = logger;
        _tail = tail;
        _ownsGroup = ownsGroup;
        StartedAt = time.GetUtcNow();
    }

    /// <inheritdoc />
    public int Pid { get; private set; }

    /// <inheritdoc />
    public string TunnelName { get; }

    /// <inheritdoc />
    public long Incarnation { get; }

    /// <inheritdoc />
    public DateTimeOffset StartedAt { get; }

    /// <inheritdoc />
    public Task<SshExit> Exited { get; private set; } = null!;

    /// <inheritdoc />
    public ImmutableArray<string> StderrTail => _tail.Snapshot();

    /// <summary>Starts the process; an ssh that cannot run yields an already-exited instance.</summary>
    public static SshProcess Start(SshStartRequest request, SshProcessOptions options, TimeProvider time, ILogger logger, PidRegistry? registry)
    {
        var tail = new StderrTail(options.TailLines);
        var program = ExecutableResolver.Resolve(request.Command.FileName);
        if (program is null)
        {
            return NotStarted(request, time, logger, tail, $"ssh program '{request.Command.FileName}' not found or not executable");
        }

        var setsid = options.NewSession ? ExecutableResolver.Resolve(options.SetsidPath) : null;
        var info = new ProcessStartInfo(setsid ?? program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (setsid is not null)
        {
            // setsid(1) calls setsid(2) and execs in place (no fork: our child is never a group leader), so the pid is ssh's.
            info.ArgumentList.Add(program);
        }

        foreach (var argument in request.Command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // systemd's notify and watchdog variables are the daemon's: an ssh (or its ProxyCommand) must not speak for it.
        foreach (var key in ServiceManagerVariables)
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in request.Environment ?? ImmutableDictionary<string, string>.Empty)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var ssh = new SshProcess(request, process, time, logger, tail, setsid is not null);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            return NotStarted(request, time, logger, tail, e.Message);
        }

        ssh.Pid = process.Id;
        process.StandardInput.Close();
        var startTime = ProcStat.TryRead(ssh.Pid)?.StartTime;
        if (registry is not null && startTime is { } ticks)
        {
            ssh.TryRegistry(() => registry.Add(new PidRegistryEntry(request.TunnelName, ssh.Pid, ticks, request.Incarnation)));
        }

        // stdout is a remote command's output, not ssh's diagnostics: it stays out of the tail the failure classifier reads.
        var readers = Task.WhenAll(
            ReadLinesAsync(process.StandardError, tail, request.OnStderrLine),
            ReadLinesAsync(process.StandardOutput, null, request.OnStdoutLine));
        ssh.Exited = ssh.WaitAsync(readers, options.DrainTimeout, registry);
        SshLog.Started(logger, request.TunnelName, request.Incarnation, ssh.Pid, request.Command.Digest);
        return ssh;
    }

    /// <inheritdoc />
    public bool Signal(UnixSignal signal)
    {
        if (_process is null || Exited.IsCompleted)
        {
            return false;
        }

        // Right after the start setsid(1) may not have made the group yet: then signal the process itself.
        return (_ownsGroup && NativeMethods.Kill(-Pid, signal)) || NativeMethods.Kill(Pid, signal);
    }

    /// <inheritdoc />
    public async Task<SshExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        _stopRequested = true;
        if (Exited.IsCompleted)
        {
            return await Exited;
        }

        Signal(UnixSignal.Term);
        Signal(UnixSignal.Cont); // a stopped ssh would hold SIGTERM pending forever
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var grace = Task.Delay(gracePeriod, _time, cts.Token);
        if (await Task.WhenAny(Exited, grace) != Exited)
        {
            SshLog.Escalated(_logger, TunnelName, Incarnation, Pid, gracePeriod);
            Kill();
        }

        await cts.CancelAsync();
        return await Exited;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!Exited.IsCompleted)
        {
            _stopRequested = true;
            Kill();
        }

        await Exited;
        _process.Dispose();
    }

    private static SshProcess NotStarted(SshStartRequest request, TimeProvider time, ILogger logger, StderrTail tail, string error)
    {
        var ssh = new SshProcess(request, null, time, logger, tail, ownsGroup: false);
        SshLog.StartFailed(logger, request.TunnelName, request.Incarnation, error);
        ssh.Exited = Task.FromResult(new SshExit(null, null, ssh.StartedAt, ssh.StartedAt, [], StopRequested: false, error));
        return ssh;
    }

    private static async Task ReadLinesAsync(StreamReader reader, StderrTail? tail, Action<string>? onLine)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                tail?.Add(line);
                onLine?.Invoke(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process; what was read is kept.
        }
    }

    private void Kill()
    {
        if (_ownsGroup)
        {
            NativeMethods.Kill(-Pid, UnixSignal.Kill);
        }

        try
        {
            _process!.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task<SshExit> WaitAsync(Task readers, TimeSpan drainTimeout, PidRegistry? registry)
    {
        var process = _process!;
        await process.WaitForExitAsync();
        var exitedAt = _time.GetUtcNow();
        if (_ownsGroup)
        {
            // Leftovers of ssh's group (a ProxyCommand) must not outlive it; ESRCH when there are none.
            NativeMethods.Kill(-Pid, UnixSignal.Kill);
        }

        await Task.WhenAny(readers, Task.Delay(drainTimeout, _time));
        if (registry is not null)
        {
            TryRegistry(() => registry.Remove(TunnelName, Pid));
        }

        // .NET reports a death by signal N as exit code 128+N. ssh -N itself only exits 0 or 255, so codes
        // 129..192 are read as signals (a remote command's own status in that range is misread; DEVIATIONS.md row 26).
        var code = process.ExitCode;
        var exit = code is > 128 and <= 128 + 64
            ? new SshExit(null, code - 128, StartedAt, exitedAt, _tail.Snapshot(), _stopRequested)
            : new SshExit(code, null, StartedAt, exitedAt, _tail.Snapshot(), _stopRequested);
        SshLog.Exited(_logger, TunnelName, Incarnation, Pid, exit.Status, exit.Uptime);
        return exit;
    }

    private void TryRegistry(Action update)
    {
        try
        {
            update();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SshLog.RegistryFailed(_logger, e, TunnelName);
        }
    }
}
