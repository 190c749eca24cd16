using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Autossh;

/// <summary>Turns a parsed autossh invocation and its environment into the project's settings (autossh.md §2, §3).</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>-M p</c> → loop monitor over TCP on p/p+1; <c>-M p:e</c> → echo to e; <c>-M 0</c> → none;
/// no port → loop with a free port chosen later. The forwards themselves are added by the tunnel layer.</item>
/// <item>POLL → interval, FIRST_POLL → first probe delay, net timeout → probe timeout (fixed: min = max, no
/// adaptation), no confirmation retries (autossh restarts on one failed test).</item>
/// <item>GATETIME → gate (0 with <c>-f</c>), MAXSTART → max starts (-1 unlimited), MAXLIFETIME → lifetime
/// (0 or beyond <see cref="TimeSpan"/> → unlimited), no restart on exit 0.</item>
/// <item>The user's ssh options are passed through verbatim in <see cref="TunnelSettings.SshArgs"/>; the forward
/// and <c>-o</c> lists stay empty so nothing is reordered. The words after the destination become the tunnel's
/// <see cref="TunnelSettings.RemoteCommand"/> (ssh then runs it instead of <c>-N</c>).</item>
/// <item>Stop grace period 5 s: autossh never escalates to SIGKILL (§7 item 17); we do.</item>
/// </list>
/// </remarks>
public static class AutosshMapping
{
    /// <summary>The tunnel name the drop-in uses.</summary>
    public const string TunnelName = "autossh";

    /// <summary>Time between SIGTERM and SIGKILL when the drop-in stops ssh.</summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Time between probes of an incarnation that has not answered yet (its listeners may not be up).</summary>
    public static readonly TimeSpan NotYetUpRetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>The first backoff delay after repeated fast failures (doubled per failure, capped at POLL).</summary>
    public static readonly TimeSpan FastFailureBackoff = TimeSpan.FromSeconds(1);

    /// <summary>The default remote echo port when only the local port is known.</summary>
    public const int DefaultEchoPort = 7;

    /// <summary>Maps a runnable invocation.</summary>
    /// <exception cref="ArgumentException">The invocation does not run ssh, or names no destination.</exception>
    public static AutosshSettings Map(AutosshInvocation invocation, AutosshEnvironment environment)
    {
        if (invocation.Action != AutosshAction.Run)
        {
            throw new ArgumentException($"invocation does not run ssh ({invocation.Action})", nameof(invocation));
        }

        var split = SshArgvSplit.Of(invocation.SshArgs);
        var destination = split.Destination
            ?? throw new ArgumentException("no ssh destination in the arguments", nameof(invocation));

        var tunnel = new TunnelSettings(
            TunnelName,
            new SshDestination(destination, null, null, null),
            [],
            [],
            [],
            [],
            split.Options,
            invocation.SshPath,
            Monitor(invocation.Monitor, environment),
            Backoff(environment.PollSeconds),
            Limits(invocation, environment),
            StopGracePeriod)
        {
            RemoteCommand = split.Command,
        };

        return new AutosshSettings(
            tunnel,
            invocation.Monitor,
            environment.PollSeconds,
            environment.Message,
            environment.PidFile,
            environment.LogFile,
            environment.LogLevel,
            environment.Debug,
            invocation.Background,
            [.. environment.Diagnostics.Where(d => d.Severity == AutosshDiagnosticSeverity.Warning)]);
    }

    private static MonitorSettings Monitor(AutosshMonitorPort? port, AutosshEnvironment environment)
    {
        var mode = port switch
        {
            { IsDisabled: true } => MonitorMode.None,
            { IsEcho: true } => MonitorMode.Echo,
            _ => MonitorMode.Loop,
        };
        var timeout = TimeSpan.FromMilliseconds(environment.NetTimeoutMilliseconds);
        return new MonitorSettings(
            mode,
            LoopTransport.Tcp,
            port is { IsDisabled: false } ? port.Port : null,
            port?.EchoPort ?? DefaultEchoPort,
            RemoteSocketDir: string.Empty,
            FirstProbeDelay: TimeSpan.FromSeconds(environment.FirstPollSeconds),
            Interval: TimeSpan.FromSeconds(environment.PollSeconds),
            Timeout: timeout,
            MinTimeout: timeout,
            MaxTimeout: timeout,
            ConfirmRetries: 0,
            // Only used before the first answer of an incarnation (ssh still authenticating): retry once a second
            // rather than in a tight loop.
            ConfirmInterval: NotYetUpRetryInterval);
    }

    /// <summary>The closest generic policy; the drop-in's actor should use <see cref="AutosshGraceTime"/> for exact timings.</summary>
    /// <remarks>The first restart after a stable run is immediate, then 1 s doubling up to POLL: never a tight loop of
    /// launches against a refusing server (autossh: five immediate launches, then its grace time).</remarks>
    private static BackoffSettings Backoff(int pollSeconds) => new(
        Min: FastFailureBackoff,
        Max: TimeSpan.FromSeconds(pollSeconds),
        RandomFactor: 0,
        StableAfter: AutosshGraceTime.MinTime(pollSeconds),
        ImmediateFirstRestart: true);

    private static LimitsSettings Limits(AutosshInvocation invocation, AutosshEnvironment environment) => new(
        GateTime: invocation.Background ? TimeSpan.Zero : Seconds(environment.GateTimeSeconds) ?? TimeSpan.MaxValue,
        MaxStarts: environment.MaxStart < 0 ? null : environment.MaxStart,
        MaxLifetime: environment.MaxLifetimeSeconds > 0 ? Seconds(environment.MaxLifetimeSeconds) : null,
        RestartOnCleanExit: false);

    /// <summary>Seconds as a <see cref="TimeSpan"/>, or null when too large to represent (effectively forever).</summary>
    private static TimeSpan? Seconds(double seconds) =>
        seconds < TimeSpan.MaxValue.TotalSeconds - 1 ? TimeSpan.FromSeconds(seconds) : null;
}
