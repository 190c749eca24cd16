using TunnelActors.Core.Autossh;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tunnels;
using E = TunnelActors.Core.Tunnels.TunnelLifecycleEvent;

namespace TunnelActors.Cli.Autossh;

/// <summary>The tunnel's lifecycle events in autossh's words, and the exits they lead to.</summary>
internal sealed partial class AutosshSupervisor
{
    /// <summary>Prefix of the detail the tunnel records when the loop's return listener cannot bind.</summary>
    private const string ListenerFailure = "monitor listener cannot listen: ";

    private void OnTunnelEvent(E lifecycleEvent)
    {
        switch (lifecycleEvent)
        {
            case E.SshStarted started:
                OnSshStarted(started);
                break;
            case E.TunnelUp:
                Log.Debug("connection ok");
                break;
            case E.ProbeFailed:
                Log.Info(AutosshMessages.PortDown);
                break;
            case E.SshExited exited:
                OnSshExited(exited);
                break;
            case E.RestartScheduled { Delay: var delay } when delay > TimeSpan.Zero:
                Log.Debug(AutosshMessages.SleepingGraceTime(delay));
                break;
            case E.GaveUp gaveUp:
                OnGaveUp(gaveUp.Reason);
                break;
            case E.Stopped { By: StoppedBy.CleanExit }:
                End(AutosshOutcome.SshExitedCleanly, "ssh exited with status 0");
                break;
        }
    }

    private void OnSshStarted(E.SshStarted started)
    {
        if (!_pidFileWritten && !TryWritePidFile())
        {
            return;
        }

        _sshRunning = started.Pid > 0;
        Log.Info(AutosshMessages.StartingSsh((int)started.Incarnation, Settings.Tunnel.Limits.MaxStarts ?? -1));
        if (started.Pid > 0)
        {
            Log.Info(AutosshMessages.SshChildPid(started.Pid));
            _readiness.Report(AutosshReadiness.Ready);
        }
    }

    /// <summary>Writes the pid file on the first ssh start (autossh.md §6.2: after the bind, before the first ssh, so
    /// before <c>starting ssh</c> is logged); false when it cannot be written (the run ends with 1).</summary>
    /// <remarks>The tunnel binds the loop monitor's return listener before it starts ssh and reports a bind failure
    /// instead of <see cref="E.SshStarted"/>, so the first SshStarted is the earliest event that proves the bind.
    /// ssh has started by then: if the pid file cannot be written, the runtime's shutdown stops it again.</remarks>
    private bool TryWritePidFile()
    {
        _pidFileWritten = true;
        if (_session.WritePidFile() is { } error)
        {
            End(AutosshOutcome.StartupFailure, error.Message);
            return false;
        }

        return true;
    }

    private void OnSshExited(E.SshExited exited)
    {
        _sshRunning = false;
        switch (exited.Reason)
        {
            case FailureReason.Stopped or FailureReason.ProbeTimeout:
                // We stopped it (signal, lifetime) or its test failed ("port down" is logged): autossh ignores the status.
                return;
            case FailureReason.Timeout when exited.StopRequested:
                // The tunnel ended an incarnation whose first test never answered: our restart, whatever status ssh
                // gave on SIGTERM (ssh -N exits 0, ssh with a remote command 255). Within the gate the tunnel's policy
                // gives up on it as on any early end; autossh restarts after a failed test, so OnGaveUp starts it again.
                Log.Info(AutosshMessages.PortDown);
                _lastVerdict = AutosshVerdict.Restart;
                return;
            case FailureReason.ExecFailed:
                var execFailed = AutosshMessages.ExecFailed(Settings.Tunnel.SshPath, ExecError(exited));
                Log.Error(execFailed);
                End(AutosshOutcome.ExecFailure, execFailed);
                return;
            case FailureReason.LocalForwardBusy when ListenerError(exited) is { } error && Settings.MonitorPort is { } port:
                var bindFailed = AutosshMessages.BindFailed(port.Port + 1, error);
                Log.Error(bindFailed);
                End(AutosshOutcome.StartupFailure, bindFailed);
                return;
        }

        var end = exited.Signal is { } signal ? AutosshSshEnd.Killed(signal) : AutosshSshEnd.Exited(exited.ExitCode ?? 255);
        var decision = AutosshSshEndClassifier.Classify(end, (int)exited.Incarnation, Settings.Tunnel.Limits.GateTime, exited.Uptime);
        Log.Write(decision.Level, decision.Message);
        _lastVerdict = decision.Verdict;
        if (AutosshExitStatus.OutcomeOf(decision) is { } outcome)
        {
            End(outcome, decision.Message);
        }
    }

    private void OnGaveUp(GiveUpReason reason)
    {
        switch (reason)
        {
            case GiveUpReason.MaxStartsReached:
                Log.Info(AutosshMessages.MaxStartReached);
                End(AutosshOutcome.MaxStartReached, AutosshMessages.MaxStartReached);
                break;
            case GiveUpReason.LifetimeExceeded:
                Log.Info(AutosshMessages.LifetimeExceeded);
                End(AutosshOutcome.MaxLifetimeExceeded, AutosshMessages.LifetimeExceeded);
                break;
            case var _ when _lastVerdict == AutosshVerdict.Restart:
                // The tunnel's policy read ssh's stderr and gave up where autossh restarts: autossh decides.
                _ = IgnoreFailureAsync(_runtime!.StartAsync(Name, CancellationToken.None));
                break;
            default:
                End(reason == GiveUpReason.StartupFailure ? AutosshOutcome.PrematureExit : AutosshOutcome.SshFailed, $"the tunnel gave up ({reason})");
                break;
        }
    }

    private static string ExecError(E.SshExited exited) =>
        exited.StderrTail.LastOrDefault(line => line.Length > 0) ?? "No such file or directory";

    private static string? ListenerError(E.SshExited exited) =>
        exited.StderrTail.FirstOrDefault(line => line.StartsWith(ListenerFailure, StringComparison.Ordinal)) is { } line
            ? line[ListenerFailure.Length..]
            : null;
}
