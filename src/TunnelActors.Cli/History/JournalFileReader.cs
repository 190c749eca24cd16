using Microsoft.Data.Sqlite;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Queries;
using TunnelActors.Core.Journal.Recovery;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Cli.History;

/// <summary>Reads the journal file while no daemon runs: a read-only SQLite connection, so nothing is created or written.</summary>
/// <remarks>
/// <see cref="Core.Journal.EventJournal"/> always opens read-write (it migrates the schema and starts its writer), which a
/// diagnosis without the daemon must not do. This reader only runs SELECTs on the tables the store writes
/// (<c>journal</c>, <c>journal_highest</c>) and decodes rows with <see cref="JournalRecovery.Decode"/>; summaries come from
/// the same pure <see cref="SummaryCalculator"/> the daemon uses.
/// </remarks>
internal sealed class JournalFileReader
{
    private const int PageSize = 1000;
    private readonly string _connectionString;

    private JournalFileReader(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>A reader of <paramref name="path"/>, or null when the file does not exist (it is never created).</summary>
    public static JournalFileReader? TryOpen(string path) => File.Exists(path) ? new JournalFileReader(path) : null;

    /// <summary>Every tunnel that ever had an event (the daemon stream excluded), ordered by name.</summary>
    public IReadOnlyList<string> TunnelNames()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id FROM journal_highest ORDER BY persistence_id;";
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            if (name != EventKinds.DaemonStream)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Events of <paramref name="tunnel"/> in [<paramref name="from"/>, <paramref name="to"/>], at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<JournalEntry> Read(string tunnel, DateTimeOffset? from, DateTimeOffset? to, bool newestFirst, int limit, long minSequenceNr = 0)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT persistence_id, sequence_number, created, kind, schema_version, message, writer_uuid FROM journal
            WHERE persistence_id = $pid AND created >= $from AND created <= $to AND sequence_number >= $min
            ORDER BY sequence_number {(newestFirst ? "DESC" : "ASC")} LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$pid", tunnel);
        command.Parameters.AddWithValue("$from", from?.UtcTicks ?? long.MinValue);
        command.Parameters.AddWithValue("$to", to?.UtcTicks ?? long.MaxValue);
        command.Parameters.AddWithValue("$min", minSequenceNr);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<JournalEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(JournalRecovery.Decode(new StoredEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.GetString(3),
                reader.GetInt32(4),
                (byte[])reader.GetValue(5),
                reader.IsDBNull(6) ? string.Empty : reader.GetString(6))));
        }

        return rows;
    }

    /// <summary>The reliability summary of <paramref name="tunnel"/> over the <paramref name="window"/> ending at <paramref name="now"/>.</summary>
    /// <remarks>Reads like <see cref="Core.Journal.EventJournal.GetSummaryAsync"/>: up to 1000 earlier events set the starting
    /// state, then every event of the window (at least the last day, for the restart counts).</remarks>
    public TunnelSummary Summary(string tunnel, TimeSpan window, DateTimeOffset now)
    {
        var windowStart = now - window;
        var readFrom = window > TimeSpan.FromDays(1) ? windowStart : now - TimeSpan.FromDays(1);
        var history = Read(tunnel, null, readFrom - TimeSpan.FromTicks(1), newestFirst: true, PageSize).Reverse().ToList();
        long next = 0;
        while (true)
        {
            var page = Read(tunnel, readFrom, now, newestFirst: false, PageSize, next);
            history.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }

            next = page[^1].SequenceNr + 1;
        }

        return SummaryCalculator.Compute(tunnel, history, windowStart, now);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
