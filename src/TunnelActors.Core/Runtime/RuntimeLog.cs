using Microsoft.Extensions.Logging;

namespace TunnelActors.Core.Runtime;

/// <summary>Log messages of the runtime (event ids 900-919).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(900, LogLevel.Error, "The event journal {Path} cannot be opened ({Error}); tunnels run without history")]
    public static partial void JournalUnavailable(ILogger logger, string path, string error);

    [LoggerMessage(901, LogLevel.Warning, "Stopping all tunnels did not finish in time ({Error}); remaining ssh processes are killed")]
    public static partial void StopAllTimedOut(ILogger logger, string error);

    [LoggerMessage(902, LogLevel.Warning, "Pruning the event journal failed: {Error}")]
    public static partial void PruneFailed(ILogger logger, string error);
}
