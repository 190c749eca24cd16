using System.Globalization;

namespace TunnelActors.Cli.Systemd;

/// <summary>systemd's watchdog request (<c>WATCHDOG_USEC</c>, <c>WATCHDOG_PID</c>), like <c>sd_watchdog_enabled()</c>.</summary>
/// <param name="Timeout">The service's <c>WatchdogSec</c>.</param>
public sealed record SdWatchdog(TimeSpan Timeout)
{
    /// <summary>How often to send <c>WATCHDOG=1</c>: half the timeout, as sd_watchdog_enabled(3) recommends.</summary>
    public TimeSpan PingInterval => Timeout / 2;

    /// <summary>The watchdog for this process, or null when none is requested.</summary>
    /// <param name="environment">Environment lookup (null when unset).</param>
    /// <param name="currentPid">Our pid; a <c>WATCHDOG_PID</c> naming another process means the request is not ours.</param>
    /// <remarks>An unparsable or zero value counts as "not requested", as in libsystemd.</remarks>
    public static SdWatchdog? FromEnvironment(Func<string, string?> environment, int currentPid)
    {
        if (!ulong.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec == 0)
        {
            return null;
        }

        if (environment("WATCHDOG_PID") is { } pidText &&
            (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != currentPid))
        {
            return null;
        }

        // Values beyond TimeSpan (about 29,000 years) are not a meaningful watchdog.
        return usec > (ulong)(TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMicrosecond)
            ? null
            : new SdWatchdog(TimeSpan.FromMicroseconds(usec));
    }
}
