namespace TunnelActors.Core.Journal.Writing;

/// <summary>A point-in-time view of the journal writer.</summary>
/// <param name="Pending">Events accepted but not yet committed (buffered or in the batch being written).</param>
/// <param name="Written">Events committed since the journal was opened.</param>
/// <param name="Dropped">Events lost because the buffer was full or the journal was closing; their sequence numbers were not used.</param>
/// <param name="Rejected">Events the store refused for good (e.g. a duplicate sequence number from a second writer).</param>
/// <param name="ConsecutiveFailures">Failed attempts of the current batch; 0 when the last attempt succeeded.</param>
/// <param name="LastError">The last storage error, if any.</param>
/// <param name="LastErrorAt">When it happened.</param>
public sealed record JournalHealth(
    long Pending,
    long Written,
    long Dropped,
    long Rejected,
    int ConsecutiveFailures,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>True while the last write attempt succeeded (or none failed).</summary>
    public bool IsHealthy => ConsecutiveFailures == 0;
}
