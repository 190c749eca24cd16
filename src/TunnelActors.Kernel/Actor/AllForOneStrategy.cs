using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>Applies the directive to every child when one fails (a normal stop of one child does not affect its siblings).</summary>
/// <remarks>
/// Restart happens only if every child is granted a restart (checked in order, stopping at the first refusal, so each
/// sibling's counter is charged); otherwise every child is stopped. The window uses the system's <see cref="TimeProvider"/>.
/// </remarks>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates a strategy; null retries means -1 (unlimited), null window means none.</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRangeMilliseconds = OneForOneStrategy.ToMilliseconds(withinTimeRange);
        Decider = decider;
    }

    /// <summary>Creates a strategy with unlimited restarts and no window.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    /// <inheritdoc />
    public override Func<Exception, Directive> Decider { get; }

    /// <inheritdoc />
    public override int MaxNumberOfRetries { get; }

    /// <inheritdoc />
    public override int WithinTimeRangeMilliseconds { get; }

    internal override void ProcessFailure(ActorCell cell, bool restart, IInternalActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        if (children.Count == 0)
        {
            return;
        }

        var time = cell.System.TimeProvider;
        if (restart && children.All(c => c.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds, time)))
        {
            foreach (var c in children)
            {
                RestartChild(c.Child, cause, suspendFirst: !c.Child.Equals(child));
            }
        }
        else
        {
            foreach (var c in children)
            {
                cell.Stop(c.Child);
            }
        }
    }
}
