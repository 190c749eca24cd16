using System.Collections.Immutable;
using System.Threading.Channels;
using TunnelActors.Core.Autossh;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Runtime;

namespace TunnelActors.Cli.Autossh;

/// <summary>Runs the one autossh tunnel on the project's actors and ends the way autossh would (autossh.md §4).</summary>
/// <remarks>
/// Tunnel events and signals arrive in one inbox and are handled one at a time (AutosshSupervisor.Events.cs): they are
/// logged with autossh's texts, ssh's own ends are classified by <see cref="AutosshSshEndClassifier"/> (which decides
/// when to exit), and the tunnel's limits (MAXSTART, MAXLIFETIME) end the run through its give-up events. The pid file is
/// written, and the parent of <c>-f</c> told "ready", when the first ssh has started (after the monitor's bind); the
/// parent is told the exit status and its reason if the run ends first.
/// </remarks>
internal sealed partial class AutosshSupervisor
{
    private readonly AutosshSession _session;
    private readonly TimeProvider _time;
    private readonly AutosshReadinessReporter _readiness;
    private readonly Channel<object> _inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private TunnelActorsRuntime? _runtime;
    private AutosshOutcome? _outcome;
    private string? _reason;
    private bool _pidFileWritten;
    private bool _sshRunning;
    private AutosshVerdict? _lastVerdict;

    public AutosshSupervisor(AutosshSession session, TimeProvider time, AutosshReadinessReporter readiness)
    {
        _session = session;
        _time = time;
        _readiness = readiness;
    }

    private AutosshSettings Settings => _session.Settings;

    private AutosshLog Log => _session.Log;

    private static string Name => AutosshMapping.TunnelName;

    /// <summary>Ends the orphaned ssh of a killed predecessor of the same command (<see cref="AutosshOrphanSweep"/>), runs
    /// the tunnel until autossh would exit, stops ssh, removes the pid file, reports and returns the exit status.</summary>
    public async Task<int> RunAsync()
    {
        using var signals = AutosshSignalListener.Start(_inbox.Writer);
        // ssh runs in our working directory (/ for the detached child of -f), where its relative paths are resolved.
        var identity = AutosshInvocationIdentity.Of(Settings, Environment.CurrentDirectory);
        await AutosshOrphanSweep.RunAsync(identity, Environment.ProcessId, Log, _time);
        using var stateDirectory = AutosshStateDirectory.Create(Environment.ProcessId, identity);
        using var loggerFactory = AutosshSshOutput.Factory(Console.Out, Console.Error);
        _runtime = await TunnelActorsRuntime.StartAsync(
            RuntimeSettings(stateDirectory.Path), _time, new AutosshEventInbox(_inbox.Writer), loggerFactory);
        await using (_runtime)
        {
            while (_outcome is null && await _inbox.Reader.WaitToReadAsync())
            {
                while (_outcome is null && _inbox.Reader.TryRead(out var message))
                {
                    await OnMessageAsync(message);
                }
            }
        }

        var status = _session.Finish(_outcome ?? AutosshOutcome.Signalled);
        _readiness.Report(AutosshReadiness.Exited(status, _reason));
        return status;
    }

    /// <summary>Ends the run with <paramref name="outcome"/>; <paramref name="reason"/> is what the parent of <c>-f</c>
    /// prints if the run ends before it was ready.</summary>
    private void End(AutosshOutcome outcome, string reason)
    {
        _outcome = outcome;
        _reason = reason;
    }

    private TunnelActorsSettings RuntimeSettings(string stateDir)
    {
        var tunnel = Settings.Tunnel;
        // The first probe comes FIRST_POLL after ssh starts (600 s by default): the handshake deadline must not end
        // an incarnation before its first test has had its chance (plus a short retry window while ssh sets up).
        var handshake = tunnel.Monitor.FirstProbeDelay + (2 * tunnel.Monitor.Timeout) + TimeSpan.FromSeconds(10);
        return new TunnelActorsSettings(
            stateDir,
            ImmutableArray.Create(tunnel),
            new SupervisorSettings(1, handshake),
            new JournalSettings("journal.db", null, null, 1000, 1000),
            new ControlSettings("control.sock", null, null),
            "autossh");
    }

    private async Task OnMessageAsync(object message)
    {
        switch (message)
        {
            case AutosshSignal signal:
                await OnSignalAsync(signal);
                break;
            case Core.Tunnels.TunnelLifecycleEvent lifecycleEvent:
                OnTunnelEvent(lifecycleEvent);
                break;
        }
    }

    private async Task OnSignalAsync(AutosshSignal signal)
    {
        var (action, level, text) = AutosshSignals.Decide(signal, _sshRunning ? AutosshPhase.Watching : AutosshPhase.Backoff);
        if (text is not null)
        {
            Log.Write(level, text);
        }

        switch (action)
        {
            case AutosshSignalAction.StopAndExit:
                End(AutosshOutcome.Signalled, text ?? "signalled to exit");
                // SIGTERM, the grace period, then SIGKILL; the runtime's disposal is the backstop.
                await IgnoreFailureAsync(_runtime!.StopAsync(Name, CancellationToken.None));
                break;
            case AutosshSignalAction.RestartSsh or AutosshSignalAction.SkipBackoff:
                // Not awaited: the reply comes after ssh has stopped, and events must keep flowing meanwhile.
                _ = IgnoreFailureAsync(_runtime!.RestartAsync(Name, CancellationToken.None));
                break;
        }
    }

    private static async Task IgnoreFailureAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            // The runtime's disposal stops whatever is left.
        }
    }
}
