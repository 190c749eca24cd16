using System.Text;
using Microsoft.Data.Sqlite;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Tests.Journal.Storage;

public sealed class SqliteJournalStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ta-store-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "nested", "journal.db");

    [Fact]
    public async Task InitializeAsync_NewFile_CreatesSchemaVersionOneInWalMode()
    {
        // Arrange
        using var store = new SqliteJournalStore(DatabasePath);

        // Act
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1L, Scalar("PRAGMA user_version;"));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
        Assert.Equal(3L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('journal', 'journal_highest', 'snapshot');"));
    }

    [Fact]
    public async Task InitializeAsync_SchemaFromNewerBuild_Refuses()
    {
        // Arrange
        using (var store = new SqliteJournalStore(DatabasePath))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        Scalar("PRAGMA user_version = 42;");
        using var newer = new SqliteJournalStore(DatabasePath);

        // Act + Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync(CancellationToken.None));
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_DuplicateInTheMiddleOfABatch_StoresNoneOfTheBatch()
    {
        // Arrange
        using var store = await OpenAsync();
        await store.AppendAsync([Event("db", 2)], [], CancellationToken.None);

        // Act
        var error = await Record.ExceptionAsync(() => store.AppendAsync([Event("db", 1), Event("db", 2), Event("db", 3)], [], CancellationToken.None));

        // Assert
        Assert.IsType<JournalWriteRejectedException>(error);
        Assert.Equal([2L], (await store.ReadEventsAsync(new EventQuery("db"), CancellationToken.None)).Select(e => e.SequenceNr));
        Assert.Equal(2, await store.ReadHighestSequenceNrAsync("db", CancellationToken.None));
    }

    [Fact]
    public async Task PruneAsync_RowsPerTunnel_KeepsNewestRowsAndHighestSequenceNumbers()
    {
        // Arrange
        using var store = await OpenAsync();
        await store.AppendAsync([.. Enumerable.Range(1, 20).Select(i => Event("db", i)), .. Enumerable.Range(1, 3).Select(i => Event("web", i))], [], CancellationToken.None);

        // Act
        var deleted = await store.PruneAsync(new RetentionPolicy(null, 5), T0, CancellationToken.None);

        // Assert
        Assert.Equal(15, deleted);
        Assert.Equal(Enumerable.Range(16, 5).Select(i => (long)i), (await store.ReadEventsAsync(new EventQuery("db"), CancellationToken.None)).Select(e => e.SequenceNr));
        Assert.Equal(3, (await store.ReadEventsAsync(new EventQuery("web"), CancellationToken.None)).Count);
        Assert.Equal(20, await store.ReadHighestSequenceNrAsync("db", CancellationToken.None));
    }

    [Fact]
    public async Task PruneAsync_ByAge_DeletesOlderEventsAndOlderSnapshotsOnly()
    {
        // Arrange
        using var store = await OpenAsync();
        await store.AppendAsync(
            [.. Enumerable.Range(1, 10).Select(i => Event("db", i, T0.AddDays(i)))],
            [new StoredSnapshot("db", 3, T0, 1, [1]), new StoredSnapshot("db", 8, T0, 1, [2])],
            CancellationToken.None);

        // Act
        var deleted = await store.PruneAsync(new RetentionPolicy(TimeSpan.FromDays(3), null), T0.AddDays(10), CancellationToken.None);

        // Assert
        Assert.Equal(6, deleted);
        Assert.Equal([7L, 8L, 9L, 10L], (await store.ReadEventsAsync(new EventQuery("db"), CancellationToken.None)).Select(e => e.SequenceNr));
        Assert.Equal(8, (await store.LoadLatestSnapshotAsync("db", CancellationToken.None))!.SequenceNr);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM snapshot;"));
    }

    [Fact]
    public async Task DeleteEventsToAsync_AllEvents_HighestSequenceNumberUnchanged()
    {
        // Arrange
        using var store = await OpenAsync();
        await store.AppendAsync([Event("db", 1), Event("db", 2)], [], CancellationToken.None);

        // Act
        var deleted = await store.DeleteEventsToAsync("db", long.MaxValue, CancellationToken.None);

        // Assert
        Assert.Equal(2, deleted);
        Assert.Equal(2, await store.ReadHighestSequenceNrAsync("db", CancellationToken.None));
        Assert.Equal(2, (await store.ReadHighestSequenceNrsAsync(CancellationToken.None))["db"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static StoredEvent Event(string id, long seq, DateTimeOffset? at = null) =>
        new(id, seq, at ?? T0, "probe-failed", 1, Encoding.UTF8.GetBytes("""{"reason":"x"}"""), "w");

    private async Task<SqliteJournalStore> OpenAsync()
    {
        var store = new SqliteJournalStore(DatabasePath);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
