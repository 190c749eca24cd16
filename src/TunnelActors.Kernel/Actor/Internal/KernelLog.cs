using Microsoft.Extensions.Logging;

namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Kernel log messages (event ids 1000-1099).</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Actor {Path} failed and was resumed: {Reason}")]
    public static partial void ChildFailureResumed(ILogger logger, Exception exception, ActorPath path, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Actor {Path} failed and is restarted: {Reason}")]
    public static partial void ChildFailureRestarted(ILogger logger, Exception exception, ActorPath path, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Actor {Path} failed and is stopped: {Reason}")]
    public static partial void ChildFailureStopped(ILogger logger, Exception exception, ActorPath path, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "PreRestart of {Path} threw; restart continues")]
    public static partial void PreRestartFailed(ILogger logger, Exception exception, ActorPath path);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "PostStop of {Path} threw; stop continues")]
    public static partial void PostStopFailed(ILogger logger, Exception exception, ActorPath path);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Dead letter {MessageType} to {Recipient}")]
    public static partial void DeadLetter(ILogger logger, Type messageType, ActorPath recipient);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Dropped stale timer message (key {Key}, generation {Generation}) in {Path}")]
    public static partial void StaleTimerDropped(ILogger logger, object key, long generation, ActorPath path);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Dropping Failed from old or stopping child {Child}")]
    public static partial void FailedFromOldChildDropped(ILogger logger, ActorPath child);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "The root guardian failed; terminating the actor system")]
    public static partial void RootGuardianFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Actor {Path} failed while terminating")]
    public static partial void FailureWhileTerminating(ILogger logger, Exception exception, ActorPath path);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "A cancellation callback of {Path} threw")]
    public static partial void CancellationCallbackFailed(ILogger logger, Exception exception, ActorPath path);
}
