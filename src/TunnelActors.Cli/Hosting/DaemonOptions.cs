namespace TunnelActors.Cli.Hosting;

/// <summary>Timing of the daemon host.</summary>
/// <param name="StatusInterval">How often STATUS= is refreshed (shortened to half the watchdog interval when that is set).</param>
/// <param name="ControllerTimeout">How long the control API and the watchdog wait for the supervisor to answer.</param>
/// <param name="ShutdownTimeout">Upper bound on stopping everything after SIGTERM (below systemd's TimeoutStopSec=90s).</param>
public sealed record DaemonOptions(TimeSpan StatusInterval, TimeSpan ControllerTimeout, TimeSpan ShutdownTimeout)
{
    /// <summary>10 s status refresh, 5 s controller deadline, 30 s shutdown.</summary>
    public static DaemonOptions Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}
