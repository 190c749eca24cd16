namespace TunnelActors.Core.Journal.Storage;

/// <summary>One journal row as a store sees it: the payload is already serialized.</summary>
/// <param name="PersistenceId">The tunnel name.</param>
/// <param name="SequenceNr">Per-tunnel sequence number.</param>
/// <param name="Timestamp">Append time (stored as UTC ticks).</param>
/// <param name="Kind">The event kind (see <c>EventKinds</c>).</param>
/// <param name="SchemaVersion">The payload's schema version.</param>
/// <param name="Payload">UTF-8 JSON.</param>
/// <param name="WriterId">Identifies the journal instance that wrote the row (Akka's writer UUID).</param>
public sealed record StoredEvent(
    string PersistenceId,
    long SequenceNr,
    DateTimeOffset Timestamp,
    string Kind,
    int SchemaVersion,
    byte[] Payload,
    string WriterId);
