using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Tests.Journal.Writing;

/// <summary>The writer under storage failures: callers never wait, losses are counted, writes resume when the cause clears.</summary>
public sealed class JournalWriterTests
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Append_DatabaseLockedByAnotherConnection_BuffersDropsOverflowAndRecoversAfterUnlock()
    {
        // Arrange
        await using var fixture = new JournalFixture(bufferCapacity: 10);
        var journal = await fixture.OpenAsync();
        using var blocker = fixture.Connect();
        Execute(blocker, "BEGIN EXCLUSIVE;");

        // Act
        var clock = Stopwatch.StartNew();
        var accepted = Enumerable.Range(0, 25).Count(i => journal.Append("db", new ProbeFailed($"p{i}")));
        clock.Stop();
        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);
        var during = journal.Health;
        Execute(blocker, "ROLLBACK;");
        fixture.Time.Advance(FirstRetry);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var stored = await journal.ReadEventsAsync(new EventQuery("db"));

        // Assert
        Assert.True(clock.Elapsed < fixture.Start.Options.BusyTimeout, $"25 appends took {clock.Elapsed}: the caller waited for the lock");
        Assert.Equal(10, accepted);
        Assert.Equal((10L, 15L, 1), (during.Pending, during.Dropped, during.ConsecutiveFailures));
        Assert.Contains("locked", during.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), stored.Entries.Select(e => e.SequenceNr));
        Assert.Equal((0L, 10L, 15L, 0), (journal.Health.Pending, journal.Health.Written, journal.Health.Dropped, journal.Health.ConsecutiveFailures));
    }

    [Fact]
    public async Task Append_DatabaseReadOnly_RetriesWithDoublingBackoffOnTheInjectedClockAndRecovers()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        var readOnly = new StrongBox<bool>(true);
        fixture.Store!.BeforeWrite = c => Execute(c, Volatile.Read(ref readOnly.Value) ? "PRAGMA query_only = 1;" : "PRAGMA query_only = 0;");

        // Act
        for (var i = 0; i < 5; i++)
        {
            journal.Append("db", new ProbeFailed($"p{i}"));
        }

        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);
        var firstDelay = fixture.Time.NextDue - fixture.Time.GetUtcNow();
        fixture.Time.Advance(FirstRetry);
        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);
        var secondDelay = fixture.Time.NextDue - fixture.Time.GetUtcNow();
        var during = journal.Health;
        Volatile.Write(ref readOnly.Value, false);
        fixture.Time.Advance(2 * FirstRetry);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);

        // Assert
        Assert.Equal(FirstRetry, firstDelay);
        Assert.Equal(2 * FirstRetry, secondDelay);
        Assert.Equal((5L, 2), (during.Pending, during.ConsecutiveFailures));
        Assert.Contains("readonly", during.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5L, (long)fixture.Scalar("SELECT COUNT(*) FROM journal;")!);
        Assert.Equal((0L, 5L, 0L), (journal.Health.Pending, journal.Health.Written, journal.Health.Dropped));
    }

    [Fact]
    public async Task Append_DatabaseFull_KeepsEventsBufferedAndWritesThemWhenSpaceReturns()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        var pages = (long)fixture.Scalar("PRAGMA page_count;")!;
        var limit = new StrongBox<long>(pages);
        fixture.Store!.BeforeWrite = c => Execute(c, $"PRAGMA max_page_count = {Volatile.Read(ref limit.Value)};");
        var tail = new string('x', 2000);

        // Act
        var accepted = Enumerable.Range(0, 200).Count(i => journal.Append("db", new SshExited(255, null, "ConnectionLost", tail)));
        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);
        var during = journal.Health;
        Volatile.Write(ref limit.Value, 1_000_000);
        fixture.Time.Advance(FirstRetry);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);

        // Assert
        Assert.Equal(200, accepted);
        Assert.Equal(200, during.Pending);
        Assert.Contains("full", during.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200L, (long)fixture.Scalar("SELECT COUNT(*) FROM journal;")!);
        Assert.Equal((0L, 200L, 0L), (journal.Health.Pending, journal.Health.Written, journal.Health.Dropped));
    }

    [Fact]
    public async Task Append_SequenceNumberTakenByAnotherWriter_RejectsThatBatchAndKeepsWriting()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        using (var other = fixture.Connect())
        {
            Execute(other, "INSERT INTO journal (persistence_id, sequence_number, created, message, kind, schema_version) VALUES ('db', 1, 0, x'7b7d', 'tunnel-up', 1);");
        }

        // Act
        journal.Append("db", new ProbeFailed("first"));
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        journal.Append("db", new ProbeFailed("second"));
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var stored = await journal.ReadEventsAsync(new EventQuery("db"));

        // Assert
        Assert.Equal((1L, 1L), (journal.Health.Rejected, journal.Health.Written));
        Assert.Equal([EventKinds.TunnelUp, EventKinds.ProbeFailed], stored.Entries.Select(e => e.Kind));
        Assert.Equal(new ProbeFailed("second"), stored.Entries[1].Event);
    }

    [Fact]
    public async Task Append_ManyThreadsOnTheSameTunnel_AssignsEachSequenceNumberExactlyOnce()
    {
        // Arrange
        await using var fixture = new JournalFixture(maxBatchSize: 50);
        var journal = await fixture.OpenAsync();

        // Act
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => journal.Append("db", new ProbeFailed($"p{i}")));
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var stored = await journal.ReadEventsAsync(new EventQuery("db", Limit: 5000));

        // Assert
        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), stored.Entries.Select(e => e.SequenceNr));
        Assert.Equal(2000, stored.Entries.Select(e => ((ProbeFailed)e.Event).Reason).Distinct().Count());
        Assert.Equal(2000L, journal.GetCounters("db").LastSequenceNr);
    }

    [Fact]
    public async Task DisposeAsync_StoreStillFailingAtShutdownTimeout_CountsUnwrittenEventsAsDroppedAndRefusesNewOnes()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        fixture.Start = fixture.Start with { Options = fixture.Start.Options with { ShutdownTimeout = TimeSpan.FromSeconds(5) } };
        var journal = await fixture.OpenAsync();
        fixture.Store!.BeforeWrite = c => Execute(c, "PRAGMA query_only = 1;");
        journal.Append("db", new ProbeFailed("a"));
        journal.Append("db", new ProbeFailed("b"));
        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);

        // Act
        var disposing = journal.DisposeAsync().AsTask();
        await fixture.Time.WaitForArmedAsync(2, JournalFixture.SafetyTimeout);
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await disposing.WaitAsync(JournalFixture.SafetyTimeout);
        var accepted = journal.Append("db", new ProbeFailed("late"));

        // Assert
        Assert.False(accepted);
        Assert.Equal((0L, 0L, 3L), (journal.Health.Pending, journal.Health.Written, journal.Health.Dropped));
    }

    [Fact]
    public async Task OpenAsync_DatabaseLockedAtStart_BuffersAppendsAndContinuesTheSequenceOnceUnlocked()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        var first = await fixture.OpenAsync();
        first.Append("db", new ProbeFailed("before"));
        await first.DisposeAsync();
        using var blocker = fixture.Connect();
        Execute(blocker, "BEGIN EXCLUSIVE;");

        // Act
        var journal = await fixture.OpenAsync();
        journal.Append("db", new ProbeFailed("while locked 1"));
        journal.Append("db", new ProbeFailed("while locked 2"));
        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);
        var during = journal.Health;
        Execute(blocker, "ROLLBACK;");
        fixture.Time.Advance(FirstRetry);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var stored = await journal.ReadEventsAsync(new EventQuery("db"));

        // Assert
        Assert.Equal(2, during.Pending);
        Assert.Contains("locked", during.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["before", "while locked 1", "while locked 2"], stored.Entries.Select(e => ((ProbeFailed)e.Event).Reason));
        Assert.Equal([1L, 2L, 3L], stored.Entries.Select(e => e.SequenceNr));
        Assert.Equal(3, journal.GetCounters("db").LastSequenceNr);
    }

    [Fact]
    public async Task OpenAsync_FileIsNotADatabase_KeepsBufferingAndWritesOnceTheFileIsReplaced()
    {
        // Arrange
        await using var fixture = new JournalFixture();
        await File.WriteAllBytesAsync(fixture.DatabasePath, Enumerable.Repeat((byte)0x5a, 8192).ToArray());

        // Act
        var journal = await fixture.OpenAsync();
        journal.Append("db", new ProbeFailed("while corrupt"));
        await fixture.Time.WaitForArmedAsync(1, JournalFixture.SafetyTimeout);
        var during = journal.Health;
        File.Delete(fixture.DatabasePath);
        fixture.Time.Advance(FirstRetry);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        var stored = await journal.ReadEventsAsync(new EventQuery("db"));

        // Assert
        Assert.Equal((1L, 1), (during.Pending, during.ConsecutiveFailures));
        Assert.Contains("not a database", during.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new ProbeFailed("while corrupt"), stored.Entries.Single().Event);
        Assert.True(journal.Health.IsHealthy);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class StrongBox<T>(T value)
    {
        public T Value = value;
    }
}
