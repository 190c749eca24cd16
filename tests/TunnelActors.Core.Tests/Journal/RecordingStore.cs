using System.Collections.Concurrent;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Tests.Journal;

/// <summary>Passes everything to a real store and records the size of every appended event batch.</summary>
internal sealed class RecordingStore(IJournalStore inner) : IJournalStore
{
    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public async Task AppendAsync(IReadOnlyList<StoredEvent> events, IReadOnlyList<StoredSnapshot> snapshots, CancellationToken cancellationToken)
    {
        await inner.AppendAsync(events, snapshots, cancellationToken);
        if (events.Count > 0)
        {
            BatchSizes.Enqueue(events.Count);
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(EventQuery query, CancellationToken cancellationToken) => inner.ReadEventsAsync(query, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) => inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> ReadHighestSequenceNrsAsync(CancellationToken cancellationToken) => inner.ReadHighestSequenceNrsAsync(cancellationToken);

    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken) => inner.LoadLatestSnapshotAsync(persistenceId, cancellationToken);

    public Task<int> DeleteEventsToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) => inner.DeleteEventsToAsync(persistenceId, toSequenceNr, cancellationToken);

    public Task<int> PruneAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken) => inner.PruneAsync(policy, now, cancellationToken);

    public void Dispose() => inner.Dispose();
}
