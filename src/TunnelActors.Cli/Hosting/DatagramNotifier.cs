using TunnelActors.Cli.Systemd;

namespace TunnelActors.Cli.Hosting;

/// <summary>The daemon's <see cref="INotifier"/>: sd_notify datagrams through <see cref="SdNotify"/> (no libsystemd).</summary>
public sealed class DatagramNotifier : INotifier, IDisposable
{
    private readonly SdNotify _notify;

    /// <summary>Notifies <paramref name="socketPath"/> (<c>@name</c> for an abstract socket; null sends nothing).</summary>
    /// <param name="socketPath">The notify socket, as NOTIFY_SOCKET spells it.</param>
    /// <param name="watchdogInterval">The watchdog timeout (WATCHDOG_USEC), or null when off.</param>
    public DatagramNotifier(string? socketPath, TimeSpan? watchdogInterval)
        : this(SdNotify.FromEnvironment(name => name == "NOTIFY_SOCKET" ? socketPath : null, TimeProvider.System), watchdogInterval)
    {
    }

    private DatagramNotifier(SdNotify notify, TimeSpan? watchdogInterval)
    {
        _notify = notify;
        WatchdogInterval = watchdogInterval;
    }

    /// <inheritdoc />
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID (see sd_notify(3), sd_watchdog_enabled(3)).</summary>
    public static DatagramNotifier FromEnvironment(Func<string, string?> getEnvironment, int pid) =>
        new(SdNotify.FromEnvironment(getEnvironment, TimeProvider.System), SdWatchdog.FromEnvironment(getEnvironment, pid)?.Timeout);

    /// <inheritdoc />
    public void Ready() => _notify.Ready();

    /// <inheritdoc />
    public void Reloading() => _notify.Reloading();

    /// <inheritdoc />
    public void Status(string text) => _notify.Status(text);

    /// <inheritdoc />
    public void Watchdog() => _notify.Watchdog();

    /// <inheritdoc />
    public void Stopping() => _notify.Stopping();

    /// <inheritdoc />
    public void Dispose() => _notify.Dispose();
}
