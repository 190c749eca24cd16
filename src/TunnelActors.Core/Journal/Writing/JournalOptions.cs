namespace TunnelActors.Core.Journal.Writing;

/// <summary>Journal tuning that <c>JournalSettings</c> does not carry; the defaults suit a daemon with thousands of tunnels.</summary>
/// <param name="MaxBatchSize">Events per group commit at most (an atomic write is never split, so one larger write may exceed it).</param>
/// <param name="RetryMinDelay">First delay before retrying a failed batch.</param>
/// <param name="RetryMaxDelay">Cap of the doubling retry delay.</param>
/// <param name="BusyTimeout">How long one SQLite statement waits for another connection's lock before the batch counts as failed.</param>
/// <param name="ShutdownTimeout">How long disposing the journal waits for buffered events to be written.</param>
public sealed record JournalOptions(
    int MaxBatchSize,
    TimeSpan RetryMinDelay,
    TimeSpan RetryMaxDelay,
    TimeSpan BusyTimeout,
    TimeSpan ShutdownTimeout)
{
    /// <summary>4,096 events per batch, retries from 200 ms doubling to 30 s, 5 s busy timeout, 10 s to drain at shutdown.</summary>
    public static JournalOptions Default { get; } = new(4096, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
}
