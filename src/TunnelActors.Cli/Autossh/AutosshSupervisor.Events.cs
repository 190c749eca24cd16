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
                _outcome = AutosshOutcome.SshExitedCleanly;
                break;
        }
    }

    private void OnSshStarted(E.SshStarted started)
    {
        _sshRunning = started.Pid > 0;
        Log.Info(AutosshMessages.StartingSsh((int)started.Incarnation, Settings.Tunnel.Limits.MaxStarts ?? -1));
        if (started.Pid > 0)
        {
            Log.Info(AutosshMessages.SshChildPid(started.Pid));
        }
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
                Log.Error(AutosshMessages.ExecFailed(Settings.Tunnel.SshPath, ExecError(exited)));
                _outcome = AutosshOutcome.ExecFailure;
                return;
            case FailureReason.LocalForwardBusy when ListenerError(exited) is { } error && Settings.MonitorPort is { } port:
                Log.Error(AutosshMessages.BindFailed(port.Port + 1, error));
                _outcome = AutosshOutcome.StartupFailure;
                return;
        }

        var end = exited.Signal is { } signal ? AutosshSshEnd.Killed(signal) : AutosshSshEnd.Exited(exited.ExitCode ?? 255);
        var decision = AutosshSshEndClassifier.Classify(end, (int)exited.Incarnation, Settings.Tunnel.Limits.GateTime, exited.Uptime);
        Log.Write(decision.Level, decision.Message);
        _lastVerdict = decision.Verdict;
        _outcome = AutosshExitStatus.OutcomeOf(decision);
    }

    private void OnGaveUp(GiveUpReason reason)
    {
        switch (reason)
        {
            case GiveUpReason.MaxStartsReached:
                Log.Info(AutosshMessages.MaxStartReached);
                _outcome = AutosshOutcome.MaxStartReached;
                break;
            case GiveUpReason.LifetimeExceeded:
                Log.Info(AutosshMessages.LifetimeExceeded);
                _outcome = AutosshOutcome.MaxLifetimeExceeded;
                break;
            case var _ when _lastVerdict == AutosshVerdict.Restart:
                // The tunnel's policy read ssh's stderr and gave up where autossh restarts: autossh decides.
                _ = IgnoreFailureAsync(_runtime!.StartAsync(Name, CancellationToken.None));
                break;
            default:
                _outcome = reason == GiveUpReason.StartupFailure ? AutosshOutcome.PrematureExit : AutosshOutcome.SshFailed;
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
