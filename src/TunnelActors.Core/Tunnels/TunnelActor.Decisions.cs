using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tunnels;

/// <summary>What follows an ended incarnation: the restart policy's decision, backing off, stopping, giving up, retiring.</summary>
internal sealed partial class TunnelActor
{
    private void ApplyPolicy(SshExit exit, FailureReason reason, long incarnation)
    {
        var input = new RestartInput(reason, exit.ExitCode, exit.StartedAt, exit.ExitedAt, (int)incarnation, _consecutiveFailures,
            _startedAt, _env.Services.RemoteForwardWait);
        switch (RestartPolicy.Decide(input, Settings.Backoff, Settings.Limits, _env.Services.Jitter()))
        {
            case RestartDecision.Restart restart:
                _consecutiveFailures = restart.ConsecutiveFailures;
                TunnelLog.RestartScheduled(Log, Name, restart.Delay, restart.ConsecutiveFailures);
                Emit(new TunnelLifecycleEvent.RestartScheduled(Name, _time.GetUtcNow(), restart.ConsecutiveFailures, restart.Delay));
                if (restart.Delay <= TimeSpan.Zero)
                {
                    TryStart();
                }
                else
                {
                    ScheduleRestart(restart.Delay, reason.IsPermanent() ? TunnelState.Failed : TunnelState.BackingOff);
                }

                break;
            case RestartDecision.GiveUp giveUp:
                GiveUp(giveUp.Reason);
                break;
            default:
                EnterStopped(StoppedBy.CleanExit);
                break;
        }
    }

    private void ScheduleRestart(TimeSpan delay, TunnelState state)
    {
        _nextStartAt = _time.GetUtcNow() + delay;
        Timers.StartSingleTimer(RestartTimer, new RestartDue(NextGeneration()), delay);
        SetState(state);
        Become(Waiting);
    }

    private void CancelRestart()
    {
        Timers.Cancel(RestartTimer);
        NextGeneration();
        _nextStartAt = null;
    }

    private void EnterStopped(StoppedBy by)
    {
        _nextStartAt = null;
        Emit(new TunnelLifecycleEvent.Stopped(Name, _time.GetUtcNow(), by));
        SetState(TunnelState.Stopped);
        Become(Idle);
    }

    private void GiveUp(GiveUpReason reason)
    {
        _nextStartAt = null;
        TunnelLog.GaveUp(Log, Name, reason);
        Emit(new TunnelLifecycleEvent.GaveUp(Name, _time.GetUtcNow(), reason));
        _lastFailure = _lastFailure is null ? $"gave up: {reason}" : $"gave up: {reason}; last: {_lastFailure}";
        _lastFailureAt ??= _time.GetUtcNow();
        SetState(TunnelState.Failed);
        Become(Idle);
    }

    /// <summary>Removed by a reload: record it, answer whoever waits, and stop (the guard then stops too).</summary>
    private void Retire()
    {
        Emit(new TunnelLifecycleEvent.Stopped(Name, _time.GetUtcNow(), StoppedBy.Reload));
        ReplyWaiters();
        Become(Idle);
        Context.Stop(Self);
    }
}
