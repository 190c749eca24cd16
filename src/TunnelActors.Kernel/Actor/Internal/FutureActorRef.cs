namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The temporary reference behind an Ask: the first reply completes the task; later replies go to dead letters.</summary>
internal sealed class FutureActorRef<T> : ActorRefBase
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;

    public FutureActorRef(ActorSystem system, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _system = system;
        Path = system.NextTempPath();
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = system.TimeProvider.CreateTimer(
                static s => ((FutureActorRef<T>)s!).OnTimeout(),
                this,
                timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout,
                Timeout.InfiniteTimeSpan);
            AskTimeout = timeout;
        }

        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(static s => ((FutureActorRef<T>)s!).OnCancelled(), this);
        }
    }

    public override ActorPath Path { get; }

    public TimeSpan AskTimeout { get; }

    public Task<T> Task => _promise.Task;

    public override void Tell(object message, IActorRef? sender)
    {
        var completed = message switch
        {
            T reply => _promise.TrySetResult(reply),
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            _ => _promise.TrySetException(new ArgumentException(
                $"Received message of type [{message.GetType()}] - Ask expected message of type [{typeof(T)}]")),
        };
        if (completed)
        {
            Cleanup();
        }
        else
        {
            _system.DeadLetterRef.Publish(message, sender, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: !Task.IsCompleted));
        }
    }

    private void OnTimeout()
    {
        if (_promise.TrySetException(new AskTimeoutException(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Timeout after {AskTimeout.TotalSeconds:F2} seconds"))))
        {
            Cleanup();
        }
    }

    private void OnCancelled()
    {
        if (_promise.TrySetCanceled())
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _timer = null;
        _registration.Dispose();
    }
}
