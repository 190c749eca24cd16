using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Queries;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Core.Tests.Journal.Queries;

public sealed class SummaryCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A 10 h window [T0, T0+10h] with two outages (300 s and 600 s), a planned stop and a restart after it.</summary>
    internal static IReadOnlyList<(double Seconds, TunnelEvent Event)> TenHourHistory { get; } =
    [
        (-3600, new SshStarted(1, 1, "a")),
        (-3590, new TunnelUp(TimeSpan.FromMilliseconds(2))),
        (3600, new ProbeFailed("timeout")),
        (3601, new SshExited(255, null, "ProbeTimeout", "killed")),
        (3601, new RestartScheduled(1, TimeSpan.FromSeconds(1))),
        (3602, new SshStarted(2, 2, "a")),
        (3900, new TunnelUp(TimeSpan.FromMilliseconds(2))),
        (18000, new SshExited(255, null, "ConnectionLost", "broken pipe")),
        (18000, new RestartScheduled(1, TimeSpan.FromSeconds(1))),
        (18001, new SshStarted(3, 3, "a")),
        (18600, new TunnelUp(TimeSpan.FromMilliseconds(2))),
        (34200, new StoppedByOperator("maintenance")),
        (34201, new SshExited(null, 15, "Stopped", string.Empty)),
        (35100, new SshStarted(4, 4, "a")),
        (35400, new TunnelUp(TimeSpan.FromMilliseconds(2))),
    ];

    [Fact]
    public void Compute_TenHourHistory_GivesKnownAvailabilityMtbfMttr()
    {
        // Arrange
        var history = Entries(TenHourHistory);

        // Act
        var summary = SummaryCalculator.Compute("db", history, T0, T0.AddHours(10));

        // Assert
        AssertTenHourSummary(summary, T0);
    }

    [Fact]
    public void Compute_OutageStartedBeforeWindow_ClipsDowntimeButMttrUsesFullOutage()
    {
        // Arrange
        var history = Entries(
        [
            (-600, new SshStarted(1, 1, "a")),
            (-590, new TunnelUp(TimeSpan.Zero)),
            (-300, new SshExited(255, null, "ConnectionLost", string.Empty)),
            (-300, new RestartScheduled(1, TimeSpan.FromSeconds(1))),
            (300, new TunnelUp(TimeSpan.Zero)),
        ]);

        // Act
        var summary = SummaryCalculator.Compute("db", history, T0, T0.AddSeconds(900));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(600), summary.Uptime);
        Assert.Equal(TimeSpan.FromSeconds(300), summary.Downtime);
        Assert.Equal(100.0 * 2 / 3, summary.AvailabilityPercent!.Value, 9);
        Assert.Equal(0, summary.Failures);
        Assert.Null(summary.Mtbf);
        Assert.Equal(TimeSpan.FromSeconds(600), summary.Mttr);
        Assert.Equal((1, 1), (summary.RestartsLastHour, summary.RestartsLastDay));
        Assert.Equal(T0.AddSeconds(-300), summary.LastFailure!.At);
    }

    [Fact]
    public void Compute_NoEvents_ReportsUnknownStateAndNoAvailability()
    {
        // Act
        var summary = SummaryCalculator.Compute("db", [], T0, T0.AddHours(1));

        // Assert
        Assert.Equal(TunnelState.Unknown, summary.State);
        Assert.Null(summary.AvailabilityPercent);
        Assert.Null(summary.Mttr);
        Assert.Null(summary.LastFailure);
    }

    [Fact]
    public void Compute_EventsAfterWindowEnd_AreIgnored()
    {
        // Arrange
        var history = Entries([(0, new TunnelUp(TimeSpan.Zero)), (120, new ProbeFailed("timeout"))]);

        // Act
        var summary = SummaryCalculator.Compute("db", history, T0, T0.AddSeconds(60));

        // Assert
        Assert.Equal((TunnelState.Up, 0, 100.0), (summary.State, summary.Failures, summary.AvailabilityPercent!.Value));
    }

    /// <summary>The known answers of <see cref="TenHourHistory"/>; shared with the end-to-end journal test.</summary>
    internal static void AssertTenHourSummary(TunnelSummary summary, DateTimeOffset t0)
    {
        // Up: [0,3600] + [3900,18000] + [18600,34200] + [35400,36000] = 33,900 s; down: 300 + 600 s.
        Assert.Equal(TimeSpan.FromSeconds(33_900), summary.Uptime);
        Assert.Equal(TimeSpan.FromSeconds(900), summary.Downtime);
        Assert.Equal(100.0 * 33_900 / 34_800, summary.AvailabilityPercent!.Value, 9);
        Assert.Equal(2, summary.Failures);
        Assert.Equal(TimeSpan.FromSeconds(16_950), summary.Mtbf);
        Assert.Equal(TimeSpan.FromSeconds(450), summary.Mttr);
        Assert.Equal((0, 2), (summary.RestartsLastHour, summary.RestartsLastDay));
        Assert.Equal(new FailureInfo(t0.AddSeconds(18000), EventKinds.SshExited, "ConnectionLost", "exit 255: broken pipe"), summary.LastFailure);
        Assert.Equal(TunnelState.Up, summary.State);
    }

    private static List<JournalEntry> Entries(IEnumerable<(double Seconds, TunnelEvent Event)> history) =>
        [.. history.Select((h, i) => new JournalEntry("db", i + 1, T0.AddSeconds(h.Seconds), h.Event))];
}
