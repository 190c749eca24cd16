using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>The behaviours of <see cref="TunnelActor"/>: one method per state, each a switch over what it handles.</summary>
internal sealed partial class TunnelActor
{
    /// <summary>Starting: waiting for a handshake slot before ssh starts.</summary>
    private void WaitingForSlot(object message)
    {
        switch (message)
        {
            case HandshakeSlotGranted granted when granted.Ticket == _ticket:
                StartSsh();
                break;
            case StopTunnel:
                ReleaseSlot();
                EnterStopped(StoppedBy.Operator);
                ReplyDone();
                break;
            case StartTunnel or RestartTunnel:
                ReplyDone();
                break;
            case ReconfigureTunnel:
                break;
            case RetireTunnel:
                ReleaseSlot();
                Retire();
                break;
            case LifetimeOver:
                ReleaseSlot();
                GiveUp(GiveUpReason.LifetimeExceeded);
                break;
            default:
                Common(message);
                break;
        }
    }

    /// <summary>Connecting, Up or Degraded: ssh runs.</summary>
    private void Running(object message)
    {
        var incarnation = _session?.Incarnation ?? -1;
        switch (message)
        {
            case SshProcessExited exited when exited.Incarnation == incarnation:
                OnIncarnationEnded(exited.Exit, ExitIntent.None);
                break;
            case ProbeSucceeded succeeded when succeeded.Incarnation == incarnation:
                OnProbeSucceeded(succeeded.Rtt);
                break;
            case ProbeFailing failing when failing.Incarnation == incarnation:
                OnProbeFailing(failing);
                break;
            case TunnelDead dead when dead.Incarnation == incarnation:
                RecordFailure($"probes failed: {dead.Result.Outcome} {dead.Result.Detail}".TrimEnd(), nameof(FailureReason.ProbeTimeout));
                BeginStopSsh(ExitIntent.ProbeDead, "probes failed");
                break;
            case ConnectDeadline deadline when deadline.Generation == incarnation && !_session!.IsUp:
                RecordFailure($"not up within {_env.HandshakeTimeout.TotalSeconds:0.###} s", nameof(FailureReason.Timeout));
                BeginStopSsh(ExitIntent.ConnectTimeout, "handshake timeout");
                break;
            case SettleDue settle when settle.Generation == incarnation && !_session!.IsUp:
                MarkUp(null);
                break;
            case StopTunnel:
                _waiters.Add(Sender);
                BeginStopSsh(ExitIntent.Stop, "stop requested");
                break;
            case RestartTunnel:
                _waiters.Add(Sender);
                BeginStopSsh(ExitIntent.Restart, "restart requested");
                break;
            case ReconfigureTunnel:
                BeginStopSsh(ExitIntent.Restart, "settings changed");
                break;
            case StartTunnel:
                ReplyDone();
                break;
            case RetireTunnel:
                BeginStopSsh(ExitIntent.Retire, "removed from the configuration");
                break;
            case LifetimeOver:
                BeginStopSsh(ExitIntent.Lifetime, "lifetime over");
                break;
            default:
                Common(message);
                break;
        }
    }

    /// <summary>ssh was asked to stop (SIGTERM, grace, SIGKILL); what follows its exit depends on <see cref="_intent"/>.</summary>
    /// <remarks>A later command overrides an earlier one, except that nothing overrides a retirement.</remarks>
    private void StoppingSsh(object message)
    {
        switch (message)
        {
            case SshProcessExited exited when exited.Incarnation == _session?.Incarnation:
                OnIncarnationEnded(exited.Exit, _intent);
                break;
            case StopTunnel:
                _waiters.Add(Sender);
                _intent = _intent == ExitIntent.Retire ? _intent : ExitIntent.Stop;
                break;
            case RestartTunnel or StartTunnel:
                _waiters.Add(Sender);
                _intent = _intent == ExitIntent.Retire ? _intent : ExitIntent.Restart;
                break;
            case ReconfigureTunnel:
                _intent = _intent == ExitIntent.Retire ? _intent : ExitIntent.Restart;
                break;
            case RetireTunnel:
                _intent = ExitIntent.Retire;
                break;
            case LifetimeOver:
                _intent = _intent is ExitIntent.Retire or ExitIntent.Stop ? _intent : ExitIntent.Lifetime;
                break;
            default:
                Common(message);
                break;
        }
    }

    /// <summary>BackingOff, or Failed for a permanent cause: a restart timer is armed.</summary>
    private void Waiting(object message)
    {
        switch (message)
        {
            case RestartDue due when due.Generation == _generation:
                TryStart();
                break;
            case StopTunnel:
                CancelRestart();
                EnterStopped(StoppedBy.Operator);
                ReplyDone();
                break;
            case StartTunnel or RestartTunnel:
                CancelRestart();
                TryStart();
                ReplyDone();
                break;
            case ReconfigureTunnel:
                CancelRestart();
                TryStart();
                break;
            case RetireTunnel:
                CancelRestart();
                Retire();
                break;
            case LifetimeOver:
                CancelRestart();
                GiveUp(GiveUpReason.LifetimeExceeded);
                break;
            default:
                Common(message);
                break;
        }
    }

    /// <summary>Stopped, or Failed after giving up: nothing runs until told to start (or reconfigured, when failed).</summary>
    private void Idle(object message)
    {
        switch (message)
        {
            case StartTunnel or RestartTunnel:
                _consecutiveFailures = 0;
                TryStart();
                ReplyDone();
                break;
            case ReconfigureTunnel when _state == TunnelState.Failed:
                // A changed configuration is how a person fixes a tunnel that gave up.
                _consecutiveFailures = 0;
                TryStart();
                break;
            case ReconfigureTunnel:
                break;
            case StopTunnel:
                if (_state != TunnelState.Stopped)
                {
                    EnterStopped(StoppedBy.Operator);
                }

                ReplyDone();
                break;
            case RetireTunnel:
                Retire();
                break;
            case LifetimeOver:
                break;
            default:
                Common(message);
                break;
        }
    }

    /// <summary>What every state answers the same way, and stale messages.</summary>
    private void Common(object message)
    {
        switch (message)
        {
            case GetTunnelStatus:
                Sender.Tell(Status(), Self);
                break;
            case ProbeNow:
                _session?.Monitor?.Tell(ProbeNow.Instance, Self);
                break;
            case HandshakeSlotGranted granted:
                // Granted after we withdrew: give it back at once.
                _env.Gate.Tell(new ReleaseHandshakeSlot(granted.Ticket), Self);
                break;
            case TunnelMessage:
                TunnelLog.StaleMessage(Log, Name, message);
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
