using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Serialization;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Journal.Recovery;

/// <summary>Rebuilds counters at start: the latest snapshot, then only the events after it (Akka's recovery order).</summary>
public static class JournalRecovery
{
    private const int ReplayPageSize = 1000;

    /// <summary>Recovers every id that ever had an event.</summary>
    public static async Task<RecoveredJournal> RecoverAllAsync(IJournalStore store, CancellationToken cancellationToken)
    {
        var highest = await store.ReadHighestSequenceNrsAsync(cancellationToken).ConfigureAwait(false);
        var counters = new List<TunnelCounters>(highest.Count);
        var snapshots = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in highest.Keys.Order(StringComparer.Ordinal))
        {
            var (recovered, snapshotSequenceNr) = await RecoverAsync(store, id, useSnapshot: true, cancellationToken).ConfigureAwait(false);
            counters.Add(recovered);
            if (snapshotSequenceNr > 0)
            {
                snapshots[id] = snapshotSequenceNr;
            }
        }

        return new RecoveredJournal(highest, counters, snapshots);
    }

    /// <summary>Folds one id's counters; with <paramref name="useSnapshot"/> false, replays every stored event from the start.</summary>
    /// <returns>The counters and the sequence number of the snapshot used (0 if none).</returns>
    public static async Task<(TunnelCounters Counters, long SnapshotSequenceNr)> RecoverAsync(
        IJournalStore store, string persistenceId, bool useSnapshot, CancellationToken cancellationToken)
    {
        var counters = TunnelCounters.Empty(persistenceId);
        long snapshotSequenceNr = 0;
        if (useSnapshot && await store.LoadLatestSnapshotAsync(persistenceId, cancellationToken).ConfigureAwait(false) is { } snapshot
            && EventCodec.DecodeSnapshot(snapshot.SchemaVersion, snapshot.Payload) is { } offered)
        {
            counters = offered;
            snapshotSequenceNr = snapshot.SequenceNr;
        }

        while (true)
        {
            var query = new EventQuery(persistenceId, MinSequenceNr: counters.LastSequenceNr + 1, Limit: ReplayPageSize);
            var page = await store.ReadEventsAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var row in page)
            {
                counters = counters.Apply(Decode(row));
            }

            if (page.Count < ReplayPageSize)
            {
                return (counters, snapshotSequenceNr);
            }
        }
    }

    /// <summary>Turns a stored row back into an entry.</summary>
    public static JournalEntry Decode(StoredEvent row) =>
        new(row.PersistenceId, row.SequenceNr, row.Timestamp, EventCodec.Decode(row.Kind, row.SchemaVersion, row.Payload));
}
