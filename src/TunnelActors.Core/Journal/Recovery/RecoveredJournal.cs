namespace TunnelActors.Core.Journal.Recovery;

/// <summary>What recovery rebuilt at start: highest sequence numbers, counters and where each id's latest snapshot is.</summary>
/// <param name="HighestSequenceNrs">Highest stored sequence number per id.</param>
/// <param name="Counters">The folded counters per id.</param>
/// <param name="SnapshotSequenceNrs">Sequence number of the latest snapshot per id (absent: none).</param>
public sealed record RecoveredJournal(
    IReadOnlyDictionary<string, long> HighestSequenceNrs,
    IReadOnlyList<TunnelCounters> Counters,
    IReadOnlyDictionary<string, long> SnapshotSequenceNrs);
