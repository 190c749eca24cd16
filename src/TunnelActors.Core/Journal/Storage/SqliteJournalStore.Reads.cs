using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace TunnelActors.Core.Journal.Storage;

/// <summary>Reads: each opens its own connection, so queries run beside the writer (WAL readers never block it).</summary>
public sealed partial class SqliteJournalStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        var sql = new StringBuilder(
            "SELECT persistence_id, sequence_number, created, kind, schema_version, message, writer_uuid FROM journal WHERE persistence_id = $pid");
        command.Parameters.AddWithValue("$pid", query.PersistenceId);
        AddBound(command, sql, "created >= $from", "$from", query.From?.UtcTicks);
        AddBound(command, sql, "created <= $to", "$to", query.To?.UtcTicks);
        AddBound(command, sql, "sequence_number >= $minSeq", "$minSeq", query.MinSequenceNr);
        AddBound(command, sql, "sequence_number <= $maxSeq", "$maxSeq", query.MaxSequenceNr);
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var names = kinds.Select((kind, i) => (Name: "$kind" + i.ToString(CultureInfo.InvariantCulture), Kind: kind)).ToList();
            sql.Append(" AND kind IN (").AppendJoin(", ", names.Select(n => n.Name)).Append(')');
            names.ForEach(n => command.Parameters.AddWithValue(n.Name, n.Kind));
        }

        sql.Append(query.NewestFirst ? " ORDER BY sequence_number DESC" : " ORDER BY sequence_number ASC").Append(" LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", query.Limit);
        command.CommandText = sql.ToString();

        var rows = new List<StoredEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoredEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.GetString(3),
                reader.GetInt32(4),
                (byte[])reader.GetValue(5),
                reader.IsDBNull(6) ? string.Empty : reader.GetString(6)));
        }

        return Task.FromResult<IReadOnlyList<StoredEvent>>(rows);
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence_number FROM journal_highest WHERE persistence_id = $pid;";
        command.Parameters.AddWithValue("$pid", persistenceId);
        return Task.FromResult(command.ExecuteScalar() is long highest ? highest : 0L);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, long>> ReadHighestSequenceNrsAsync(CancellationToken cancellationToken)
    {
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id, sequence_number FROM journal_highest;";
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return Task.FromResult<IReadOnlyDictionary<string, long>>(result);
    }

    /// <inheritdoc />
    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken)
    {
        using var connection = OpenReadConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence_number, created, schema_version, snapshot FROM snapshot
            WHERE persistence_id = $pid ORDER BY sequence_number DESC LIMIT 1;
            """;
        command.Parameters.AddWithValue("$pid", persistenceId);
        using var reader = command.ExecuteReader();
        StoredSnapshot? snapshot = reader.Read()
            ? new StoredSnapshot(
                persistenceId,
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                reader.GetInt32(2),
                (byte[])reader.GetValue(3))
            : null;
        return Task.FromResult(snapshot);
    }

    private static void AddBound(SqliteCommand command, StringBuilder sql, string condition, string name, long? value)
    {
        if (value is { } bound)
        {
            sql.Append(" AND ").Append(condition);
            command.Parameters.AddWithValue(name, bound);
        }
    }
}
