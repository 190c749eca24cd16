using System.Net.Sockets;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>Starting an incarnation, watching it come up, ending it and deciding what follows.</summary>
internal sealed partial class TunnelActor
{
    /// <summary>Asks for a handshake slot (state Starting), unless a limit forbids another start.</summary>
    private void TryStart()
    {
        _nextStartAt = null;
        if (!RestartPolicy.MayStart((int)_env.Ledger.Incarnation, Settings.Limits))
        {
            GiveUp(GiveUpReason.MaxStartsReached);
            return;
        }

        if (RestartPolicy.LifetimeLeft(_startedAt, _time.GetUtcNow(), Settings.Limits) == TimeSpan.Zero)
        {
            GiveUp(GiveUpReason.LifetimeExceeded);
            return;
        }

        _ticket = NextGeneration();
        _env.Gate.Tell(new RequestHandshakeSlot(_ticket), Self);
        SetState(TunnelState.Starting);
        Become(WaitingForSlot);
    }

    /// <summary>Starts ssh with the monitor's forwards, then the monitor (or, without one, the settle timer).</summary>
    private void StartSsh()
    {
        var settings = Settings;
        var incarnation = _env.Ledger.NextIncarnation();
        MonitorForwardSet forwards;
        LoopListener? ownListener = null;
        SshCommand command;
        try
        {
            forwards = MonitorForwards.For(settings.Monitor, settings.Name, incarnation, _env.MonitorSocketDirectory, PickPort(settings.Monitor));
            switch (forwards.ListenerEndpoint)
            {
                case ProbeEndpoint.Unix unix:
                    ownListener = LoopListener.Start(unix);
                    break;
                case ProbeEndpoint.Tcp tcp:
                    EnsureTcpListener(tcp);
                    break;
            }

            command = SshCommandBuilder.Build(settings, forwards);
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            // No free port, or the loop's return listener cannot bind (its port is taken): like a busy -L, retry with backoff.
            DisposeInBackground(ownListener);
            var now = _time.GetUtcNow();
            var detail = $"monitor listener cannot listen: {e.Message}";
            FinishIncarnation(new SshExit(255, null, now, now, [detail], StopRequested: false), FailureReason.LocalForwardBusy, incarnation, detail);
            return;
        }
        catch (ArgumentException e)
        {
            DisposeInBackground(ownListener);
            ReleaseSlot();
            TunnelLog.InvalidCommand(Log, settings.Name, e.Message);
            RecordFailure(e.Message, nameof(FailureReason.ExecFailed));
            SetState(TunnelState.Failed);
            Become(Idle);
            return;
        }

        var log = Log;
        var name = settings.Name;
        var process = _env.Services.SshFactory.Start(new SshStartRequest(
            name,
            incarnation,
            command,
            OnStderrLine: line => TunnelLog.StderrLine(log, name, incarnation, line),
            OnStdoutLine: line => TunnelLog.StdoutLine(log, name, incarnation, line)));
        var session = _session = new SshSession(incarnation, process, forwards, ownListener);
        process.Exited.PipeTo(Self, t => new SshProcessExited(incarnation, t.Result));
        Emit(new TunnelLifecycleEvent.SshStarted(name, _time.GetUtcNow(), incarnation, process.Pid, command.Digest));
        _lastRtt = null;
        if (settings.Monitor.Mode != MonitorMode.None && forwards.ProbeTarget is { } target)
        {
            session.Monitor = Context.ActorOf(
                MonitorActor.Props(name, incarnation, settings.Monitor, target, _env.Services.Prober), $"monitor-{incarnation}");
            Timers.StartSingleTimer(ConnectTimer, new ConnectDeadline(incarnation), _env.HandshakeTimeout);
        }
        else
        {
            // Without probes, ssh counts as connected once it has stayed alive this long (ssh's own ConnectTimeout
            // and keepalives end it otherwise).
            Timers.StartSingleTimer(SettleTimer, new SettleDue(incarnation), settings.Monitor.FirstProbeDelay + settings.Monitor.Timeout);
        }

        SetState(TunnelState.Connecting);
        Become(Running);
    }

    private void MarkUp(TimeSpan? rtt)
    {
        _session!.IsUp = true;
        ReleaseSlot();
        Timers.Cancel(ConnectTimer);
        Timers.Cancel(SettleTimer);
        _lastRtt = rtt;
        TunnelLog.Up(Log, Name, _session.Incarnation, rtt);
        Emit(new TunnelLifecycleEvent.TunnelUp(Name, _time.GetUtcNow(), _session.Incarnation, rtt));
        SetState(TunnelState.Up);
    }

    private void OnProbeSucceeded(TimeSpan rtt)
    {
        if (!_session!.IsUp)
        {
            MarkUp(rtt);
            return;
        }

        _lastRtt = rtt;
        SetState(TunnelState.Up);
    }

    private void OnProbeFailing(ProbeFailing failing)
    {
        var result = failing.Result;
        TunnelLog.ProbeFailed(Log, Name, failing.Incarnation, failing.ConsecutiveFailures, result.Outcome, result.Detail);
        Emit(new TunnelLifecycleEvent.ProbeFailed(Name, _time.GetUtcNow(), failing.Incarnation, result.Outcome, result.Detail, failing.ConsecutiveFailures));
        RecordFailure($"probe {result.Outcome}: {result.Detail}", nameof(FailureReason.ProbeTimeout));
        SetState(TunnelState.Degraded);
    }

    /// <summary>Stops the monitor and asks ssh to stop (SIGTERM, grace period, SIGKILL); its exit arrives as usual.</summary>
    private void BeginStopSsh(ExitIntent intent, string why)
    {
        var session = _session!;
        _intent = intent;
        StopMonitor(session);
        Timers.Cancel(ConnectTimer);
        Timers.Cancel(SettleTimer);
        TunnelLog.StoppingSsh(Log, Name, session.Incarnation, why);
        _ = session.Process.StopAsync(Settings.StopGracePeriod);
        Become(StoppingSsh);
    }

    /// <summary>ssh of the current incarnation has ended: release what it held, record why, and go on as
    /// <paramref name="intent"/> (or the restart policy) says.</summary>
    private void OnIncarnationEnded(SshExit exit, ExitIntent intent)
    {
        var session = _session!;
        _session = null;
        _intent = ExitIntent.None;
        StopMonitor(session);
        Timers.Cancel(ConnectTimer);
        Timers.Cancel(SettleTimer);
        _ = Task.Run(session.ReleaseAsync);
        var reason = intent switch
        {
            ExitIntent.ProbeDead => FailureReason.ProbeTimeout,
            ExitIntent.ConnectTimeout => FailureReason.Timeout,
            _ => FailureClassifier.Classify(exit),
        };
        var lastLine = exit.StartError ?? exit.StderrTail.LastOrDefault(l => !l.StartsWith("channel ", StringComparison.Ordinal));
        TunnelLog.SshEnded(Log, Name, session.Incarnation, exit.Status, reason, lastLine);
        Emit(new TunnelLifecycleEvent.SshExited(
            Name, exit.ExitedAt, session.Incarnation, exit.ExitCode, exit.Signal, reason, exit.StderrTail, exit.Uptime, exit.StopRequested));
        if (reason == FailureReason.LocalForwardBusy)
        {
            // Someone took a port we picked ourselves: pick again next time.
            _pickedPort = null;
        }

        if (reason != FailureReason.Stopped && intent is not (ExitIntent.ProbeDead or ExitIntent.ConnectTimeout))
        {
            RecordFailure(lastLine is null ? $"ssh {exit.Status}" : $"ssh {exit.Status}: {lastLine}", reason.ToString());
        }

        switch (intent)
        {
            case ExitIntent.Stop:
                EnterStopped(StoppedBy.Operator);
                break;
            case ExitIntent.Retire:
                Retire();
                return;
            case ExitIntent.Restart:
                TryStart();
                break;
            case ExitIntent.Lifetime:
                GiveUp(GiveUpReason.LifetimeExceeded);
                break;
            default:
                ApplyPolicy(exit, reason, session.Incarnation);
                break;
        }

        ReplyWaiters();
    }

    /// <summary>An incarnation that never ran ssh (its monitor listener failed): decide as for an exit.</summary>
    private void FinishIncarnation(SshExit exit, FailureReason reason, long incarnation, string detail)
    {
        ReleaseSlot();
        _pickedPort = null;
        RecordFailure(detail, reason.ToString());
        Emit(new TunnelLifecycleEvent.SshExited(Name, exit.ExitedAt, incarnation, exit.ExitCode, exit.Signal, reason, exit.StderrTail, TimeSpan.Zero));
        ApplyPolicy(exit, reason, incarnation);
    }

    private void ReleaseSlot()
    {
        if (_ticket != 0)
        {
            _env.Gate.Tell(new ReleaseHandshakeSlot(_ticket), Self);
            _ticket = 0;
        }
    }

    private void StopMonitor(SshSession session)
    {
        if (session.Monitor is { } monitor)
        {
            Context.Stop(monitor);
            session.Monitor = null;
        }
    }
}
