using TunnelActors.Cli.Systemd;

namespace TunnelActors.Cli.Tests.Systemd;

/// <summary>WATCHDOG_USEC / WATCHDOG_PID parsing and the ping interval.</summary>
public sealed class SdWatchdogTests
{
    private const int Pid = 4242;

    [Theory]
    [InlineData("30000000", null, 30_000, 15_000)]      // WatchdogSec=30 → ping every 15 s
    [InlineData("30000000", "4242", 30_000, 15_000)]
    [InlineData("1000", null, 1, 0.5)]
    public void FromEnvironment_Requested_GivesHalfTimeoutInterval(string usec, string? pid, double timeoutMs, double intervalMs)
    {
        var watchdog = SdWatchdog.FromEnvironment(Lookup(usec, pid), Pid);

        Assert.NotNull(watchdog);
        Assert.Equal(TimeSpan.FromMilliseconds(timeoutMs), watchdog.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(intervalMs), watchdog.PingInterval);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("abc", null)]
    [InlineData("-5", null)]
    [InlineData("30000000", "1")]       // meant for another process
    [InlineData("30000000", "x")]
    [InlineData("99999999999999999999", null)]
    public void FromEnvironment_NotForUs_IsNull(string? usec, string? pid) =>
        Assert.Null(SdWatchdog.FromEnvironment(Lookup(usec, pid), Pid));

    private static Func<string, string?> Lookup(string? usec, string? pid) => name => name switch
    {
        "WATCHDOG_USEC" => usec,
        "WATCHDOG_PID" => pid,
        _ => null,
    };
}
