using System.Collections.Immutable;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Tunnels.Fakes;

/// <summary>An ssh process the test ends by hand; StopAsync ends it like ssh -N on SIGTERM (exit 0), or, when it
/// ignores SIGTERM, with SIGKILL once the grace period has passed on the injected clock.</summary>
public sealed class FakeSshProcess(SshStartRequest request, int pid, TimeProvider time, bool ignoresTerm) : ISshProcess
{
    private readonly TaskCompletionSource<SshExit> _exit = new();
    private volatile bool _stopRequested;

    public SshStartRequest Request { get; } = request;

    public int Pid { get; } = pid;

    public string TunnelName => Request.TunnelName;

    public long Incarnation => Request.Incarnation;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public Task<SshExit> Exited => _exit.Task;

    public ImmutableArray<string> StderrTail { get; private set; } = [];

    public int StopCalls { get; private set; }

    public bool Disposed { get; private set; }

    public bool HasExited => _exit.Task.IsCompleted;

    /// <summary>Ends the process on its own with <paramref name="code"/> (or <paramref name="signal"/>) and stderr lines.</summary>
    public void Exit(int? code, int? signal = null, params string[] stderr)
    {
        StderrTail = [.. stderr];
        _exit.TrySetResult(new SshExit(code, signal, StartedAt, time.GetUtcNow(), StderrTail, _stopRequested));
    }

    public bool Signal(UnixSignal signal)
    {
        if (HasExited)
        {
            return false;
        }

        if (signal == UnixSignal.Kill)
        {
            Exit(null, 9);
        }

        return true;
    }

    public async Task<SshExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        StopCalls++;
        _stopRequested = true;
        if (!ignoresTerm)
        {
            Exit(0);
        }
        else if (!HasExited)
        {
            var grace = Task.Delay(gracePeriod, time, cancellationToken);
            if (await Task.WhenAny(grace, _exit.Task) == grace)
            {
                Exit(null, 9);
            }
        }

        return await _exit.Task;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        if (!HasExited)
        {
            _stopRequested = true;
            Exit(null, 9);
        }

        return ValueTask.CompletedTask;
    }
}
