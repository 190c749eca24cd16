using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>autossh's log messages (autossh.md §6.1 catalogue), word for word, so the drop-in's log reads the same.</summary>
/// <remarks>The ssh-end messages come with their decision from <see cref="AutosshSshEndClassifier"/>.</remarks>
public static class AutosshMessages
{
    /// <summary>INFO at start-up with <c>-M 0</c>.</summary>
    public const string MonitoringDisabled = "port set to 0, monitoring disabled";

    /// <summary>INFO when a test fails and ssh is killed.</summary>
    public const string PortDown = "port down, restarting ssh";

    /// <summary>INFO when MAXSTART launches were made (exit 0).</summary>
    public const string MaxStartReached = "max start count reached; exiting";

    /// <summary>INFO when MAXLIFETIME elapsed (exit 0).</summary>
    public const string LifetimeExceeded = "exceeded maximum time to live, shutting down";

    /// <summary>INFO at start-up when POLL &lt; 30 s shortens the net timeout.</summary>
    public static string ShortPollTime(int netTimeoutMilliseconds) => Format($"short poll time: adjusting net timeouts to {netTimeoutMilliseconds}");

    /// <summary>INFO before each launch; MAXSTART &lt; 0 means no limit.</summary>
    public static string StartingSsh(int count, int maxStart) => maxStart < 0
        ? Format($"starting ssh (count {count})")
        : Format($"starting ssh (count {count} of {maxStart})");

    /// <summary>INFO after each launch.</summary>
    public static string SshChildPid(int pid) => Format($"ssh child pid is {pid}");

    /// <summary>DEBUG before each launch.</summary>
    public static string CheckingGracePeriod(int tries) => Format($"checking for grace period, tries = {tries}");

    /// <summary>DEBUG when the backoff sleeps.</summary>
    public static string SleepingGraceTime(TimeSpan delay) => Format($"sleeping for grace time {(int)delay.TotalSeconds} secs");

    /// <summary>ERR when ssh cannot be executed (logged by autossh's child).</summary>
    public static string ExecFailed(string path, string error) => $"{path}: {error}";

    /// <summary>ERR (fatal) when the loop-mode listener cannot bind.</summary>
    public static string BindFailed(int returnPort, string error) => Format($"bind on {AutosshMonitorPort.MonitorHost}:{returnPort}: {error}");

    /// <summary>INFO when a test cannot connect to the monitor port.</summary>
    public static string ConnectFailed(int port, string error) => Format($"{AutosshMonitorPort.MonitorHost}:{port}: {error}");

    /// <summary>INFO in loop mode when no connection comes back within the net timeout.</summary>
    public const string AcceptTimeout = "timeout polling to accept read connection";

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
