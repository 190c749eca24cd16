using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Core.Tests.Journal.Recovery;

public sealed class TunnelCountersTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_UpFailRestartUp_CountsOneFailureOneRestartAndSplitsUpAndDownTime()
    {
        // Arrange
        var history = new History()
            .At(0, new SshStarted(1, 1, "a"))
            .At(5, new TunnelUp(TimeSpan.FromMilliseconds(2)))
            .At(605, new ProbeFailed("timeout"))
            .At(606, new SshExited(255, null, "ProbeTimeout", "killed by monitor"))
            .At(606, new RestartScheduled(1, TimeSpan.FromSeconds(10)))
            .At(616, new SshStarted(2, 2, "a"))
            .At(625, new TunnelUp(TimeSpan.FromMilliseconds(2)));

        // Act
        var counters = history.Fold();

        // Assert
        Assert.Equal(TunnelState.Up, counters.State);
        Assert.Equal(1, counters.TotalFailures);
        Assert.Equal(1, counters.TotalRestarts);
        Assert.Equal(TimeSpan.FromSeconds(600), counters.TotalUptime);
        Assert.Equal(TimeSpan.FromSeconds(20), counters.TotalDowntime);
        Assert.Equal(T0.AddSeconds(625), counters.LastUpAt);
        Assert.Equal(new FailureInfo(T0.AddSeconds(606), EventKinds.SshExited, "ProbeTimeout", "exit 255: killed by monitor"), counters.LastFailure);
        Assert.Equal(TimeSpan.FromSeconds(700), counters.UptimeAt(T0.AddSeconds(725)));
        Assert.Equal(7, counters.LastSequenceNr);
    }

    [Fact]
    public void Apply_OperatorStopThenExit_IsNotAFailureAndCountsNeitherUpNorDown()
    {
        // Arrange
        var history = new History()
            .At(0, new SshStarted(1, 1, "a"))
            .At(10, new TunnelUp(TimeSpan.Zero))
            .At(70, new StoppedByOperator("maintenance"))
            .At(71, new SshExited(null, 15, "Stopped", string.Empty));

        // Act
        var counters = history.Fold();

        // Assert
        Assert.Equal(TunnelState.Stopped, counters.State);
        Assert.Equal(0, counters.TotalFailures);
        Assert.Null(counters.LastFailure);
        Assert.Equal(TimeSpan.FromSeconds(60), counters.UptimeAt(T0.AddSeconds(1000)));
        Assert.Equal(TimeSpan.Zero, counters.DowntimeAt(T0.AddSeconds(1000)));
    }

    [Fact]
    public void Apply_DownThenGaveUp_KeepsCountingDowntimeAsOneOutage()
    {
        // Arrange
        var history = new History()
            .At(0, new SshStarted(1, 1, "a"))
            .At(1, new SshExited(255, null, "AuthFailed", "Permission denied"))
            .At(1, new RestartScheduled(1, TimeSpan.FromSeconds(1)))
            .At(2, new SshStarted(2, 2, "a"))
            .At(3, new SshExited(255, null, "AuthFailed", "Permission denied"))
            .At(3, new GaveUp("max-retries"));

        // Act
        var counters = history.Fold();

        // Assert
        Assert.Equal(TunnelState.GaveUp, counters.State);
        Assert.Equal(1, counters.TotalFailures);
        Assert.Equal(TimeSpan.FromSeconds(99), counters.DowntimeAt(T0.AddSeconds(100)));
        Assert.Equal("gave-up", counters.LastFailure!.FailureClass);
    }

    /// <summary>Builds one tunnel's entries at second offsets from <see cref="T0"/>.</summary>
    internal sealed class History
    {
        private readonly List<JournalEntry> _entries = [];

        public IReadOnlyList<JournalEntry> Entries => _entries;

        public History At(double seconds, TunnelEvent @event)
        {
            _entries.Add(new JournalEntry("db", _entries.Count + 1, T0.AddSeconds(seconds), @event));
            return this;
        }

        public TunnelCounters Fold() => _entries.Aggregate(TunnelCounters.Empty("db"), (c, e) => c.Apply(e));
    }
}
