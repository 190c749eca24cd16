using Microsoft.Extensions.Logging;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Pattern;

/// <summary>Backoff supervisor log messages (event ids 1100-1199).</summary>
internal static partial class BackoffLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "{Supervisor}: terminating on restart #{Restart}, which exceeds the maximum of {MaxNrOfRetries} restarts")]
    public static partial void RetriesExhausted(ILogger logger, ActorPath supervisor, int restart, int maxNrOfRetries);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "{Supervisor}: terminating, because child {Child} terminated itself")]
    public static partial void ChildTerminatedItself(ILogger logger, ActorPath supervisor, ActorPath child);
}
