namespace TunnelActors.Core.Journal.Storage;

/// <summary>What pruning removes: events older than <paramref name="MaxAge"/> and all but the newest <paramref name="MaxRowsPerTunnel"/> per tunnel.</summary>
/// <param name="MaxAge">Events older than this are pruned; null keeps them forever.</param>
/// <param name="MaxRowsPerTunnel">At most this many events per tunnel are kept; null is unlimited.</param>
public sealed record RetentionPolicy(TimeSpan? MaxAge, int? MaxRowsPerTunnel)
{
    /// <summary>Keeps everything.</summary>
    public static RetentionPolicy KeepAll { get; } = new(null, null);
}
