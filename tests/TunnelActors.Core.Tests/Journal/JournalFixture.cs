using Microsoft.Data.Sqlite;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Storage;
using TunnelActors.Core.Journal.Writing;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Core.Tests.Journal;

/// <summary>A real SQLite journal file in a fresh temp directory, on a virtual clock; deletes the directory on dispose.</summary>
internal sealed class JournalFixture : IAsyncDisposable
{
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(30);

    private readonly List<EventJournal> _opened = [];

    public JournalFixture(int bufferCapacity = 10_000, int snapshotEvery = 100, RetentionPolicy? retention = null, int maxBatchSize = 1000)
    {
        Directory = Path.Combine(Path.GetTempPath(), "ta-journal-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Start = new JournalStartOptions(
            bufferCapacity,
            snapshotEvery,
            retention ?? RetentionPolicy.KeepAll,
            JournalOptions.Default with { MaxBatchSize = maxBatchSize, BusyTimeout = TimeSpan.FromSeconds(1), ShutdownTimeout = TimeSpan.FromMinutes(10) });
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, SqliteJournal.DefaultFileName);

    public ManualTimeProvider Time { get; } = new();

    public JournalStartOptions Start { get; set; }

    public SqliteJournalStore? Store { get; private set; }

    /// <summary>Opens the journal (again) on the same file; the previous instance must have been disposed.</summary>
    public async Task<EventJournal> OpenAsync()
    {
        Store = new SqliteJournalStore(DatabasePath, new SqliteJournalStoreOptions(Start.Options.BusyTimeout));
        var journal = await SqliteJournal.OpenAsync(Store, Start, Time);
        _opened.Add(journal);
        return journal;
    }

    /// <summary>A plain connection to the file, outside the journal.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var journal in _opened)
        {
            await journal.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test.
        }
    }
}
