namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>A temporary watcher that completes with true when the target terminates, or false after the timeout.</summary>
internal sealed class GracefulStopWatcher : ActorRefBase
{
    private readonly TaskCompletionSource<bool> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _timer;

    public GracefulStopWatcher(ActorSystem system, TimeSpan timeout)
    {
        Path = system.NextTempPath();
        _timer = system.TimeProvider.CreateTimer(static s => ((GracefulStopWatcher)s!).Complete(false), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public override ActorPath Path { get; }

    public Task<bool> Task => _promise.Task;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification)
        {
            Complete(true);
        }
    }

    private void Complete(bool stopped)
    {
        if (_promise.TrySetResult(stopped))
        {
            _timer.Dispose();
        }
    }
}
