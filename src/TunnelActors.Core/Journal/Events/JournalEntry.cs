namespace TunnelActors.Core.Journal.Events;

/// <summary>One stored event: which tunnel, its per-tunnel sequence number, when, and what.</summary>
/// <param name="PersistenceId">The tunnel name (or <see cref="EventKinds.DaemonStream"/>).</param>
/// <param name="SequenceNr">Monotonic per persistence id, starting at 1; never reused, even after pruning.</param>
/// <param name="Timestamp">When the event was appended, from the journal's TimeProvider.</param>
/// <param name="Event">The payload.</param>
public sealed record JournalEntry(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp, TunnelEvent Event)
{
    /// <summary>The stored kind of <see cref="Event"/>.</summary>
    public string Kind => EventKinds.Of(Event);
}
