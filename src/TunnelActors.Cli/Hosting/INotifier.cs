namespace TunnelActors.Cli.Hosting;

/// <summary>Tells the service manager (systemd <c>Type=notify</c>) about the daemon's life cycle.</summary>
/// <remarks>Best effort: implementations never throw. Order: READY, then STATUS/WATCHDOG, RELOADING/READY
/// around each reload, STOPPING last.</remarks>
public interface INotifier
{
    /// <summary>The watchdog interval the service manager expects (WATCHDOG_USEC), or null when off.</summary>
    TimeSpan? WatchdogInterval { get; }

    /// <summary>READY=1: the configuration is loaded and the tunnels are supervised (also ends a reload).</summary>
    void Ready();

    /// <summary>RELOADING=1: a reload started.</summary>
    void Reloading();

    /// <summary>STATUS=...: a one-line status shown by <c>systemctl status</c>.</summary>
    void Status(string text);

    /// <summary>WATCHDOG=1: the supervisor answered in time.</summary>
    void Watchdog();

    /// <summary>STOPPING=1: shutdown started.</summary>
    void Stopping();
}
