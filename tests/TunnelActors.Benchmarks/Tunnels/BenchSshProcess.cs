using System.Collections.Immutable;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Benchmarks.Tunnels;

/// <summary>An in-memory ssh that runs until told to exit or stopped (exit 0, like ssh -N on SIGTERM).</summary>
internal sealed class BenchSshProcess(SshStartRequest request, int pid, DateTimeOffset startedAt) : ISshProcess
{
    private readonly TaskCompletionSource<SshExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Pid { get; } = pid;

    public string TunnelName => request.TunnelName;

    public long Incarnation => request.Incarnation;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public Task<SshExit> Exited => _exit.Task;

    public ImmutableArray<string> StderrTail => [];

    public void Exit(int code, DateTimeOffset at, string stderr) =>
        _exit.TrySetResult(new SshExit(code, null, StartedAt, at, [stderr], StopRequested: false));

    public bool Signal(UnixSignal signal) => !_exit.Task.IsCompleted;

    public Task<SshExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        _exit.TrySetResult(new SshExit(0, null, StartedAt, StartedAt, [], StopRequested: true));
        return _exit.Task;
    }

    public ValueTask DisposeAsync()
    {
        _exit.TrySetResult(new SshExit(null, 9, StartedAt, StartedAt, [], StopRequested: true));
        return ValueTask.CompletedTask;
    }
}
