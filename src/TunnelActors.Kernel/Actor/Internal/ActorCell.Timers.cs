namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Per-incarnation resources: keyed timers, the receive timeout, the cancellation token, the stash.</summary>
internal sealed partial class ActorCell
{
    private TimerScheduler? _timers;
    private CancellationTokenSource? _incarnationCancellation;
    private UnboundedStash? _stash;
    private TimeSpan? _receiveTimeout;
    private ReceiveTimeoutTick? _receiveTimeoutTick;
    private ITimer? _receiveTimeoutTimer;

    public ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    public CancellationToken CancellationToken => (_incarnationCancellation ??= new CancellationTokenSource()).Token;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void CancelTimers() => _timers?.CancelAll();

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        _receiveTimeout = timeout is { } t && t > TimeSpan.Zero && t != Timeout.InfiniteTimeSpan ? t : null;
        ResetReceiveTimeout();
    }

    /// <summary>Marks the current message stashed; throws if it already is.</summary>
    public Envelope StashCurrent()
    {
        if (_currentStashed)
        {
            throw new IllegalActorStateException($"Can't stash the same message {_current.Message} more than once");
        }

        if (_current.Message is null)
        {
            throw new IllegalActorStateException("There is no current message to stash.");
        }

        _currentStashed = true;
        return _current;
    }

    private void ResetReceiveTimeout()
    {
        _receiveTimeoutTimer?.Dispose();
        _receiveTimeoutTimer = null;
        _receiveTimeoutTick = null;
        if (_receiveTimeout is not { } timeout || _terminating)
        {
            return;
        }

        var tick = _receiveTimeoutTick = new ReceiveTimeoutTick(Self);
        _receiveTimeoutTimer = System.TimeProvider.CreateTimer(static s => ((ReceiveTimeoutTick)s!).Fire(), tick, timeout, Timeout.InfiniteTimeSpan);
    }

    private void StopReceiveTimeout()
    {
        _receiveTimeout = null;
        ResetReceiveTimeout();
    }

    /// <summary>Ends the incarnation: timers and receive timeout off, cancellation token cancelled.</summary>
    private void EndIncarnation()
    {
        CancelTimers();
        StopReceiveTimeout();
        var cancellation = _incarnationCancellation;
        _incarnationCancellation = null;
        if (cancellation is null)
        {
            return;
        }

        try
        {
            cancellation.Cancel();
        }
        catch (AggregateException ex)
        {
            KernelLog.CancellationCallbackFailed(System.KernelLogger, ex, Self.Path);
        }
        finally
        {
            cancellation.Dispose();
        }
    }
}
