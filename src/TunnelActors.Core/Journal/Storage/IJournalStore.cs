namespace TunnelActors.Core.Journal.Storage;

/// <summary>Durable storage of events, highest sequence numbers and snapshots (SQLite today, PostgreSQL later).</summary>
/// <remarks>
/// Writes are called by one writer at a time. A storage problem faults the task with the provider's exception;
/// a batch that can never be stored faults with <see cref="JournalWriteRejectedException"/>.
/// </remarks>
public interface IJournalStore : IDisposable
{
    /// <summary>Creates or migrates the schema.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="events"/> and <paramref name="snapshots"/> atomically (all or none) and raises the highest sequence numbers.</summary>
    Task AppendAsync(IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredSnapshot> snapshots, CancellationToken cancellationToken);

    /// <summary>Reads events matching <paramref name="query"/> in sequence order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>The highest sequence number ever stored for <paramref name="persistenceId"/> (0 if none); never decreases.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>The highest sequence number of every persistence id ever written.</summary>
    Task<IReadOnlyDictionary<string, long>> ReadHighestSequenceNrsAsync(CancellationToken cancellationToken);

    /// <summary>The snapshot with the highest sequence number for <paramref name="persistenceId"/>, if any.</summary>
    Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Deletes events of <paramref name="persistenceId"/> up to <paramref name="toSequenceNr"/> inclusive; returns the count.</summary>
    Task<int> DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="policy"/> at <paramref name="now"/> and drops all but the latest snapshot per id; returns the events deleted.</summary>
    Task<int> PruneAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);
}
