using TunnelActors.Cli.History;
using TunnelActors.Core.Journal.Queries;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Cli.Tests.History;

public sealed class SummaryLineTests
{
    [Fact]
    public void Format_SummaryWithFailure_ShowsRestartsAvailabilityMtbfMttrAndLastFailure()
    {
        var end = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var summary = new TunnelSummary("web", end.AddDays(-1), end, TunnelState.Up, 2, 5, 3,
            TimeSpan.FromHours(23), TimeSpan.FromHours(1), 95.8333, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(42),
            new FailureInfo(end.AddMinutes(-10), "ssh-exited", "auth-failed", "exit 255: debug\nPermission denied (publickey)."));

        var line = SummaryLine.Format(summary, TimeZoneInfo.Utc);

        Assert.Equal(
            "web: restarts 2 in the last hour, 5 in the last day; availability 95.83% over 1d; MTBF 1h30m; MTTR 42s; "
            + "last failure 2026-11-22 11:50:00 auth-failed: Permission denied (publickey).",
            line);
    }

    [Fact]
    public void Format_NoData_ShowsDashes()
    {
        var end = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var summary = new TunnelSummary("idle", end.AddDays(-1), end, TunnelState.Unknown, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, null, null, null, null);

        Assert.Equal(
            "idle: restarts 0 in the last hour, 0 in the last day; availability - over 1d; MTBF -; MTTR -; no failure recorded",
            SummaryLine.Format(summary, TimeZoneInfo.Utc));
    }
}
