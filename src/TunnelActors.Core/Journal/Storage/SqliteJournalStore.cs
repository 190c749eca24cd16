using Microsoft.Data.Sqlite;

namespace TunnelActors.Core.Journal.Storage;

/// <summary>The SQLite journal store: one long-lived write connection (WAL, group commits) and a fresh connection per read.</summary>
/// <remarks>
/// Durability: <c>synchronous = FULL</c>. In WAL mode NORMAL only fsyncs at checkpoints, so a power loss may roll back the
/// last commits; the journal exists to explain outages after crashes, and the writer already groups many events into one
/// transaction, so one fsync per batch is cheap enough (see the journal benchmark) to make every commit durable.
/// After any failure the write connection is closed and reopened on the next call, so a replaced, repaired or
/// re-permitted file is picked up. Calls are synchronous under the hood (SQLite has no async I/O); they complete before
/// returning a task.
/// </remarks>
public sealed partial class SqliteJournalStore : IJournalStore
{
    private readonly Lock _gate = new();
    private readonly string _connectionString;
    private SqliteConnection? _writeConnection;
    private bool _disposed;

    /// <summary>Creates a store on the file <paramref name="path"/> (its directory is created on initialize).</summary>
    public SqliteJournalStore(string path, SqliteJournalStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var busySeconds = (int)Math.Max(1, Math.Ceiling((options ?? SqliteJournalStoreOptions.Default).BusyTimeout.TotalSeconds));
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = busySeconds,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Test seam: runs on the write connection before every write (e.g. to impose <c>max_page_count</c> or <c>query_only</c>).</summary>
    internal Action<SqliteConnection>? BeforeWrite { get; set; }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        WithWriteConnection(SqliteSchema.Migrate);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredSnapshot> snapshots, CancellationToken cancellationToken)
    {
        if (events.Count == 0 && snapshots.Count == 0)
        {
            return Task.CompletedTask;
        }

        WithWriteConnection(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            try
            {
                SqliteBatchWriter.InsertEvents(connection, transaction, events);
                SqliteBatchWriter.InsertSnapshots(connection, transaction, snapshots);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT)
            {
                throw new JournalWriteRejectedException($"Batch rejected: {e.Message}", e);
            }

            transaction.Commit();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            CloseWriteConnection();
        }
    }

    private void WithWriteConnection(Action<SqliteConnection> action)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                var connection = _writeConnection ??= OpenWriteConnection();
                BeforeWrite?.Invoke(connection);
                action(connection);
            }
            catch (JournalWriteRejectedException)
            {
                throw;
            }
            catch
            {
                CloseWriteConnection();
                throw;
            }
        }
    }

    private SqliteConnection OpenWriteConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void CloseWriteConnection()
    {
        _writeConnection?.Dispose();
        _writeConnection = null;
    }

    private SqliteConnection OpenReadConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
