using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>Applies the directive to the failed child only.</summary>
/// <remarks>
/// The restart window is measured on the actor system's <see cref="TimeProvider"/>, not on a real monotonic clock as in
/// Akka.NET (deliberate difference: tests drive it with virtual time).
/// </remarks>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates a strategy; null retries means -1 (unlimited), null window means none.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRangeMilliseconds = ToMilliseconds(withinTimeRange);
        Decider = decider;
    }

    /// <summary>Creates a strategy with unlimited restarts and no window.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    private OneForOneStrategy(int maxNrOfRetries, int withinMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRangeMilliseconds = withinMilliseconds;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <inheritdoc />
    public override Func<Exception, Directive> Decider { get; }

    /// <inheritdoc />
    public override int MaxNumberOfRetries { get; }

    /// <inheritdoc />
    public override int WithinTimeRangeMilliseconds { get; }

    /// <summary>A copy with another retry limit (decider and window kept).</summary>
    public OneForOneStrategy WithMaxNrOfRetries(int maxNrOfRetries) => new(maxNrOfRetries, WithinTimeRangeMilliseconds, Decider, LoggingEnabled);

    internal static int ToMilliseconds(TimeSpan? window) =>
        window is null || window.Value == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Min(int.MaxValue, window.Value.TotalMilliseconds);

    internal override void ProcessFailure(ActorCell cell, bool restart, IInternalActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        if (restart && stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds, cell.System.TimeProvider))
        {
            RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            cell.Stop(child);
        }
    }
}
