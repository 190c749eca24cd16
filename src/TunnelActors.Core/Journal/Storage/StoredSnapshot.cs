namespace TunnelActors.Core.Journal.Storage;

/// <summary>The folded state of one tunnel at a sequence number, serialized.</summary>
/// <param name="PersistenceId">The tunnel name.</param>
/// <param name="SequenceNr">The last event included in the state.</param>
/// <param name="Created">When the snapshot was taken.</param>
/// <param name="SchemaVersion">Schema version of the payload.</param>
/// <param name="Payload">UTF-8 JSON.</param>
public sealed record StoredSnapshot(string PersistenceId, long SequenceNr, DateTimeOffset Created, int SchemaVersion, byte[] Payload);
