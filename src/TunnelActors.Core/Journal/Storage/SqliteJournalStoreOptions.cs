namespace TunnelActors.Core.Journal.Storage;

/// <summary>Connection settings of <see cref="SqliteJournalStore"/> that <c>JournalSettings</c> does not carry.</summary>
/// <param name="BusyTimeout">How long one statement waits for a lock held by another connection before failing (whole seconds, at least 1).</param>
public sealed record SqliteJournalStoreOptions(TimeSpan BusyTimeout)
{
    /// <summary>Default: a 5 s busy timeout (the writer retries with backoff afterwards; callers never wait).</summary>
    public static SqliteJournalStoreOptions Default { get; } = new(TimeSpan.FromSeconds(5));
}
