using Microsoft.Data.Sqlite;

namespace TunnelActors.Core.Journal.Storage;

/// <summary>Forward-only schema migrations, tracked in <c>PRAGMA user_version</c>.</summary>
/// <remarks>
/// Migration i (0-based) takes the schema from version i to i+1, in its own transaction together with the version bump.
/// Never edit a shipped migration; append a new one. The tables follow Akka.Persistence.Sql's default mapping (see
/// shared/specs/akka-semantics.md 3.7) plus <c>kind</c> and <c>schema_version</c>, and <c>journal_highest</c> keeps the
/// highest sequence number per id after rows are pruned.
/// </remarks>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE journal (
          ordering        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
          deleted         INTEGER NOT NULL DEFAULT 0,
          persistence_id  TEXT    NOT NULL,
          sequence_number INTEGER NOT NULL,
          created         INTEGER NOT NULL,
          message         BLOB    NOT NULL,
          identifier      INTEGER NULL,
          manifest        TEXT    NOT NULL DEFAULT '',
          writer_uuid     TEXT    NULL,
          kind            TEXT    NOT NULL,
          schema_version  INTEGER NOT NULL);
        CREATE UNIQUE INDEX journal_uq ON journal (persistence_id, sequence_number);
        CREATE INDEX journal_created_idx ON journal (created);
        CREATE INDEX journal_sequence_number_idx ON journal (sequence_number);
        CREATE TABLE journal_highest (
          persistence_id  TEXT    NOT NULL PRIMARY KEY,
          sequence_number INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE snapshot (
          persistence_id  TEXT    NOT NULL,
          sequence_number INTEGER NOT NULL,
          created         INTEGER NOT NULL,
          snapshot        BLOB    NOT NULL,
          manifest        TEXT    NOT NULL DEFAULT '',
          serializer_id   INTEGER NULL,
          schema_version  INTEGER NOT NULL,
          PRIMARY KEY (persistence_id, sequence_number));
        CREATE INDEX snapshot_sequence_number_idx ON snapshot (sequence_number);
        CREATE INDEX snapshot_created_idx ON snapshot (created);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Applies every missing migration; refuses a database from a newer build.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        while (true)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var version = Convert.ToInt32(Execute(connection, transaction, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
            if (version > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The journal schema is version {version}, newer than this build's {LatestVersion}; refusing to write to it.");
            }

            if (version == LatestVersion)
            {
                transaction.Commit();
                return;
            }

            Execute(connection, transaction, Migrations[version]);
            Execute(connection, transaction, $"PRAGMA user_version = {version + 1};");
            transaction.Commit();
        }
    }

    private static object? Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
