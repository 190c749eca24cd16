using System.Runtime.ExceptionServices;
using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>How a parent handles its children's failures: a decider plus a restart budget.</summary>
/// <remarks>
/// Failure logging follows Akka: Resume at Warning, Restart and Stop at Error, Escalate not logged.
/// </remarks>
public abstract class SupervisorStrategy
{
    /// <summary>Akka's default decider: ActorInitialization/ActorKilled/DeathPact → Stop, anything else → Restart.</summary>
    public static readonly Func<Exception, Directive> DefaultDecider = Actor.Decider.From(
        Directive.Restart,
        new KeyValuePair<Type, Directive>(typeof(ActorInitializationException), Directive.Stop),
        new KeyValuePair<Type, Directive>(typeof(ActorKilledException), Directive.Stop),
        new KeyValuePair<Type, Directive>(typeof(DeathPactException), Directive.Stop));

    /// <summary>OneForOne over <see cref="DefaultDecider"/> with unlimited restarts.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>OneForOne that stops a child on any exception.</summary>
    public static readonly OneForOneStrategy StoppingStrategy = new(Actor.Decider.Always(Directive.Stop));

    /// <summary>Maps an exception to a directive.</summary>
    public abstract Func<Exception, Directive> Decider { get; }

    /// <summary>Maximum restarts (per child) in the window; -1 means no limit.</summary>
    public abstract int MaxNumberOfRetries { get; }

    /// <summary>The restart window in milliseconds; -1 means none.</summary>
    public abstract int WithinTimeRangeMilliseconds { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; init; } = true;

    internal bool HandleFailure(ActorCell cell, IInternalActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        var directive = Decider(cause);
        if (LoggingEnabled)
        {
            LogFailure(cell, child, cause, directive);
        }

        switch (directive)
        {
            case Directive.Resume:
                child.SendSystemMessage(new Resume(cause));
                return true;
            case Directive.Restart:
                ProcessFailure(cell, restart: true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                ProcessFailure(cell, restart: false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    internal abstract void ProcessFailure(ActorCell cell, bool restart, IInternalActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children);

    internal static void RestartChild(IInternalActorRef child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst)
        {
            child.SendSystemMessage(new Suspend());
        }

        child.SendSystemMessage(new Recreate(cause));
    }

    internal static void Rethrow(Exception cause) => ExceptionDispatchInfo.Capture(cause).Throw();

    private static void LogFailure(ActorCell cell, IActorRef child, Exception cause, Directive directive)
    {
        var log = cell.System.KernelLogger;
        switch (directive)
        {
            case Directive.Resume:
                KernelLog.ChildFailureResumed(log, cause, child.Path, cause.Message);
                break;
            case Directive.Restart:
                KernelLog.ChildFailureRestarted(log, cause, child.Path, cause.Message);
                break;
            case Directive.Stop:
                KernelLog.ChildFailureStopped(log, cause, child.Path, cause.Message);
                break;
        }
    }
}
