using Microsoft.Data.Sqlite;
using TunnelActors.Core.Journal.Serialization;

namespace TunnelActors.Core.Journal.Storage;

/// <summary>The insert statements of one group commit, each prepared once per batch and rebound per row.</summary>
internal static class SqliteBatchWriter
{
    /// <summary>Rows per INSERT statement: one multi-row statement costs far less than as many single-row ones.</summary>
    private const int RowsPerStatement = 64;

    public static void InsertEvents(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        SqliteCommand? full = null;
        try
        {
            for (var offset = 0; offset < events.Count; offset += RowsPerStatement)
            {
                var rows = Math.Min(RowsPerStatement, events.Count - offset);
                if (rows == RowsPerStatement)
                {
                    full ??= PrepareInsert(connection, transaction, rows);
                    Execute(full, events, offset, rows);
                }
                else
                {
                    using var partial = PrepareInsert(connection, transaction, rows);
                    Execute(partial, events, offset, rows);
                }
            }
        }
        finally
        {
            full?.Dispose();
        }

        var highest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            highest[e.PersistenceId] = Math.Max(e.SequenceNr, highest.GetValueOrDefault(e.PersistenceId));
        }

        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO journal_highest (persistence_id, sequence_number) VALUES ($pid, $seq)
            ON CONFLICT (persistence_id) DO UPDATE SET sequence_number = max(sequence_number, excluded.sequence_number);
            """;
        var upsertPid = upsert.Parameters.Add("$pid", SqliteType.Text);
        var upsertSeq = upsert.Parameters.Add("$seq", SqliteType.Integer);
        upsert.Prepare();
        foreach (var (id, max) in highest)
        {
            upsertPid.Value = id;
            upsertSeq.Value = max;
            upsert.ExecuteNonQuery();
        }
    }

    private static SqliteCommand PrepareInsert(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Enumerable.Range(0, rows).Select(i => $"(0, $p{i}, $s{i}, $c{i}, $m{i}, {EventCodec.SerializerId}, $k{i}, $w{i}, $k{i}, $v{i})");
        command.CommandText =
            "INSERT INTO journal (deleted, persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid, kind, schema_version) VALUES "
            + string.Join(", ", values) + ";";
        for (var i = 0; i < rows; i++)
        {
            command.Parameters.Add($"$p{i}", SqliteType.Text);
            command.Parameters.Add($"$s{i}", SqliteType.Integer);
            command.Parameters.Add($"$c{i}", SqliteType.Integer);
            command.Parameters.Add($"$m{i}", SqliteType.Blob);
            command.Parameters.Add($"$k{i}", SqliteType.Text);
            command.Parameters.Add($"$w{i}", SqliteType.Text);
            command.Parameters.Add($"$v{i}", SqliteType.Integer);
        }

        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand insert, IReadOnlyList<StoredEvent> events, int offset, int rows)
    {
        const int columns = 7;
        for (var i = 0; i < rows; i++)
        {
            var e = events[offset + i];
            var p = insert.Parameters;
            p[(i * columns) + 0].Value = e.PersistenceId;
            p[(i * columns) + 1].Value = e.SequenceNr;
            p[(i * columns) + 2].Value = e.Timestamp.UtcTicks;
            p[(i * columns) + 3].Value = e.Payload;
            p[(i * columns) + 4].Value = e.Kind;
            p[(i * columns) + 5].Value = e.WriterId;
            p[(i * columns) + 6].Value = e.SchemaVersion;
        }

        insert.ExecuteNonQuery();
    }

    public static void InsertSnapshots(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<StoredSnapshot> snapshots)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR REPLACE INTO snapshot (persistence_id, sequence_number, created, snapshot, manifest, serializer_id, schema_version)
            VALUES ($pid, $seq, $created, $payload, 'tunnel-counters', $serializer, $version);
            """;
        var pid = insert.Parameters.Add("$pid", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        insert.Parameters.AddWithValue("$serializer", EventCodec.SerializerId);
        var version = insert.Parameters.Add("$version", SqliteType.Integer);
        foreach (var s in snapshots)
        {
            pid.Value = s.PersistenceId;
            seq.Value = s.SequenceNr;
            created.Value = s.Created.UtcTicks;
            payload.Value = s.Payload;
            version.Value = s.SchemaVersion;
            insert.ExecuteNonQuery();
        }
    }
}
