using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Tests.Journal;

public sealed class EventJournalTests
{
    [Fact]
    public async Task Append_EventsOfTwoTunnels_ReadBackInOrderWithPerTunnelSequenceNumbers()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();

        // Act
        journal.Append("db", new SshStarted(100, 1, "argv"));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        journal.Append("web", new SshStarted(200, 1, "argv"));
        journal.Append("db", new TunnelUp(TimeSpan.FromMilliseconds(3)));
        journal.Append("db", new ProbeFailed("timeout"));
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var db = await journal.ReadEventsAsync(new EventQuery("db"));
        var web = await journal.ReadEventsAsync(new EventQuery("web"));

        // Assert
        Assert.Equal([1L, 2L, 3L], db.Entries.Select(e => e.SequenceNr));
        Assert.Equal([EventKinds.SshStarted, EventKinds.TunnelUp, EventKinds.ProbeFailed], db.Entries.Select(e => e.Kind));
        Assert.Equal(new ProbeFailed("timeout"), db.Entries[2].Event);
        Assert.Equal(fixture.Time.GetUtcNow() - TimeSpan.FromSeconds(1), db.Entries[0].Timestamp);
        Assert.Equal(fixture.Time.GetUtcNow(), db.Entries[1].Timestamp);
        Assert.Equal([1L], web.Entries.Select(e => e.SequenceNr));
        Assert.Equal(4, journal.Health.Written);
        Assert.Equal(0, journal.Health.Pending);
    }

    [Fact]
    public async Task OpenAsync_AfterRestart_RecoversWhatWasWrittenAndContinuesSequence()
    {
        // Arrange
        await using var fixture = new JournalFixture(snapshotEvery: 3);
        var first = await fixture.OpenAsync();
        for (var i = 0; i < 10; i++)
        {
            first.Append("db", new SshStarted(i, i, "argv"));
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            first.Append("db", new TunnelUp(TimeSpan.FromMilliseconds(1)));
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
            first.Append("db", new SshExited(255, null, "ConnectionLost", "broken pipe"));
            first.Append("db", new RestartScheduled(1, TimeSpan.FromSeconds(1)));
            fixture.Time.Advance(TimeSpan.FromSeconds(9));
        }

        await first.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var before = first.GetCounters("db");
        await first.DisposeAsync();

        // Act
        var second = await fixture.OpenAsync();
        var recovered = second.GetCounters("db");
        second.Append("db", new StoppedByOperator("done"));
        await second.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var last = await second.ReadEventsAsync(new EventQuery("db", NewestFirst: true, Limit: 1));

        // Assert
        Assert.Equal(before, recovered);
        Assert.Equal(40, recovered.LastSequenceNr);
        Assert.Equal(10, recovered.TotalRestarts);
        Assert.Equal(10, recovered.TotalFailures);
        Assert.Equal(TimeSpan.FromMinutes(10), recovered.TotalUptime);
        Assert.Equal(41, last.Entries.Single().SequenceNr);
        Assert.Equal(TunnelState.Stopped, second.GetCounters("db").State);
    }

    [Fact]
    public async Task AppendAll_ManyAtomicWritesWithSmallBatches_NeverSplitsAWrite()
    {
        // Arrange
        await using var fixture = new JournalFixture(maxBatchSize: 4);
        var store = new RecordingStore(new SqliteJournalStore(fixture.DatabasePath));
        await using var journal = await EventJournal.OpenAsync(store, fixture.Start, fixture.Time, NullLogger.Instance);

        // Act
        for (var i = 0; i < 20; i++)
        {
            journal.AppendAll("db", [new ProbeFailed($"{i}/a"), new ProbeFailed($"{i}/b"), new ProbeFailed($"{i}/c")]);
        }

        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var page = await journal.ReadEventsAsync(new EventQuery("db", Limit: 100));

        // Assert
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), page.Entries.Select(e => e.SequenceNr));
        Assert.Equal(20, store.BatchSizes.Count);
        Assert.All(store.BatchSizes, size => Assert.Equal(3, size));
        Assert.Equal(0, journal.Health.Dropped);
    }

    [Fact]
    public async Task ReadEventsAsync_TimeWindowKindsAndPages_ReturnsMatchingEventsInRequestedOrder()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        var start = fixture.Time.GetUtcNow();
        for (var i = 0; i < 10; i++)
        {
            journal.Append("db", new ProbeFailed($"p{i}"));
            journal.Append("db", new RestartScheduled(i, TimeSpan.FromSeconds(i)));
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var query = new EventQuery(
            "db",
            From: start + TimeSpan.FromMinutes(2),
            To: start + TimeSpan.FromMinutes(7),
            Kinds: [EventKinds.ProbeFailed],
            NewestFirst: true,
            Limit: 4);

        // Act
        var first = await journal.ReadEventsAsync(query);
        var second = await journal.ReadEventsAsync(query, first.NextCursor);

        // Assert
        Assert.Equal(["p7", "p6", "p5", "p4"], first.Entries.Select(e => ((ProbeFailed)e.Event).Reason));
        Assert.Equal(["p3", "p2"], second.Entries.Select(e => ((ProbeFailed)e.Event).Reason));
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task ReadEventsAsync_OldestFirstPaging_VisitsEveryEventOnce()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        for (var i = 0; i < 25; i++)
        {
            journal.Append("db", new ProbeFailed($"p{i}"));
        }

        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var seen = new List<long>();
        long? cursor = null;

        // Act
        do
        {
            var page = await journal.ReadEventsAsync(new EventQuery("db", Limit: 10), cursor);
            seen.AddRange(page.Entries.Select(e => e.SequenceNr));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        // Assert
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task GetSummaryAsync_TenHourHistoryInTheDatabase_MatchesKnownAnswers()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        var t0 = fixture.Time.GetUtcNow() + TimeSpan.FromHours(2);
        foreach (var (seconds, @event) in Queries.SummaryCalculatorTests.TenHourHistory)
        {
            fixture.Time.AdvanceTo(t0.AddSeconds(seconds));
            journal.Append("db", @event);
        }

        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        fixture.Time.AdvanceTo(t0.AddHours(10));

        // Act
        var summary = await journal.GetSummaryAsync("db", TimeSpan.FromHours(10));

        // Assert
        Assert.Equal(t0, summary.WindowStart);
        Queries.SummaryCalculatorTests.AssertTenHourSummary(summary, t0);
    }

    [Fact]
    public async Task PruneAsync_RowLimit_KeepsCountersAndNeverLowersTheNextSequenceNumber()
    {
        // Arrange
        await using var fixture = new JournalFixture(snapshotEvery: 1000, retention: new RetentionPolicy(null, 3));
        var first = await fixture.OpenAsync();
        Recovery.JournalRecoveryTests.AppendRandomHistory(first, fixture, seed: 3, count: 90);
        await first.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var before = first.GetCounters("db");

        // Act
        var deleted = await first.PruneAsync();
        await first.DisposeAsync();
        var second = await fixture.OpenAsync();
        var recovered = second.GetCounters("db");
        second.Append("db", new ProbeFailed("after"));
        await second.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var kept = await second.ReadEventsAsync(new EventQuery("db"));

        // Assert
        Assert.Equal(90 - 9, deleted);
        Assert.Equal(before, recovered);
        Assert.Equal(4, kept.Entries.Count);
        Assert.Equal(before.LastSequenceNr + 1, kept.Entries[^1].SequenceNr);
    }

    [Fact]
    public async Task GetSummariesAsync_TunnelsAndDaemonStream_SummarisesEveryTunnelButNotTheDaemon()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        journal.Append(EventKinds.DaemonStream, new ConfigurationLoaded("digest"));
        journal.Append("web", new TunnelUp(TimeSpan.Zero));
        journal.Append("db", new TunnelUp(TimeSpan.Zero));
        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        journal.Append("db", new ProbeFailed("timeout"));
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        fixture.Time.Advance(TimeSpan.FromMinutes(30));

        // Act
        var summaries = await journal.GetSummariesAsync(TimeSpan.FromHours(1));

        // Assert
        Assert.Equal(["db", "web"], summaries.Select(s => s.PersistenceId));
        Assert.Equal(50.0, summaries[0].AvailabilityPercent);
        Assert.Equal(100.0, summaries[1].AvailabilityPercent);
    }
}
