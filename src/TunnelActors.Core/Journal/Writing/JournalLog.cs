using Microsoft.Extensions.Logging;

namespace TunnelActors.Core.Journal.Writing;

/// <summary>Log messages of the journal (event ids 5000-5099).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(5000, LogLevel.Information, "Journal opened at {Path}: {Streams} streams recovered")]
    public static partial void Opened(ILogger logger, string path, int streams);

    [LoggerMessage(5001, LogLevel.Warning, "Journal write of {Count} events failed (attempt {Attempt}), retrying in {Delay}")]
    public static partial void WriteFailed(ILogger logger, int count, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(5002, LogLevel.Information, "Journal writes recovered after {Attempts} failed attempts")]
    public static partial void WriteRecovered(ILogger logger, int attempts);

    [LoggerMessage(5003, LogLevel.Warning, "Journal buffer full ({Capacity} events): dropping events, {Dropped} dropped so far")]
    public static partial void Dropping(ILogger logger, int capacity, long dropped);

    [LoggerMessage(5004, LogLevel.Error, "Journal batch of {Count} events rejected by the store")]
    public static partial void BatchRejected(ILogger logger, int count, Exception exception);

    [LoggerMessage(5005, LogLevel.Warning, "Journal closed with {Count} events unwritten")]
    public static partial void ClosedWithPending(ILogger logger, long count);

    [LoggerMessage(5007, LogLevel.Warning, "Journal could not be opened (attempt {Attempt}), events are buffered; retrying in {Delay}")]
    public static partial void OpenFailed(ILogger logger, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(5008, LogLevel.Error, "Journal could not be opened; tunnels keep running, events are buffered while opening is retried")]
    public static partial void OpenDeferred(ILogger logger, Exception exception);

    [LoggerMessage(5009, LogLevel.Critical, "Journal writer failed; events are no longer written")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(5006, LogLevel.Information, "Journal pruned {Count} events")]
    public static partial void Pruned(ILogger logger, int count);
}
