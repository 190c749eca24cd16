namespace TunnelActors.Core.Configuration;

/// <summary>Where and how the event journal is kept.</summary>
/// <param name="Path">The SQLite file (relative paths are under the state dir).</param>
/// <param name="RetentionAge">Events older than this are pruned; null keeps them forever.</param>
/// <param name="RetentionRowsPerTunnel">At most this many events per tunnel are kept; null is unlimited.</param>
/// <param name="BufferCapacity">Events held in memory while the database is unavailable before dropping.</param>
/// <param name="SnapshotEvery">Write a per-tunnel snapshot after this many events.</param>
public sealed record JournalSettings(
    string Path,
    TimeSpan? RetentionAge,
    int? RetentionRowsPerTunnel,
    int BufferCapacity,
    int SnapshotEvery);
