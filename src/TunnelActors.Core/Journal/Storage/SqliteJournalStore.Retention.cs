using Microsoft.Data.Sqlite;

namespace TunnelActors.Core.Journal.Storage;

/// <summary>Deletion and pruning; <c>journal_highest</c> is never touched, so sequence numbers never go back.</summary>
public sealed partial class SqliteJournalStore
{
    /// <inheritdoc />
    public Task<int> DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        var deleted = 0;
        WithWriteConnection(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM journal WHERE persistence_id = $pid AND sequence_number <= $to;";
            command.Parameters.AddWithValue("$pid", persistenceId);
            command.Parameters.AddWithValue("$to", toSequenceNr);
            deleted = command.ExecuteNonQuery();
        });
        return Task.FromResult(deleted);
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        WithWriteConnection(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (policy.MaxAge is { } maxAge)
            {
                deleted += Execute(connection, transaction, "DELETE FROM journal WHERE created < $cutoff;", ("$cutoff", (now - maxAge).UtcTicks));
            }

            if (policy.MaxRowsPerTunnel is { } maxRows)
            {
                // Per id: delete every row at or below the (maxRows+1)-th newest; the unique index makes each lookup a seek.
                deleted += Execute(connection, transaction, """
                    DELETE FROM journal WHERE ordering IN (
                      SELECT j.ordering FROM journal_highest h JOIN journal j ON j.persistence_id = h.persistence_id
                      WHERE j.sequence_number <= (
                        SELECT k.sequence_number FROM journal k WHERE k.persistence_id = h.persistence_id
                        ORDER BY k.sequence_number DESC LIMIT 1 OFFSET $keep));
                    """, ("$keep", maxRows));
            }

            Execute(connection, transaction, """
                DELETE FROM snapshot WHERE sequence_number <
                  (SELECT MAX(s.sequence_number) FROM snapshot s WHERE s.persistence_id = snapshot.persistence_id);
                """);
            transaction.Commit();
        });
        return Task.FromResult(deleted);
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
