using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Pattern;

/// <summary>
/// The OnFailure backoff supervisor: a Restart decision for the child becomes Stop, then a new child after the delay.
/// If the child stops by itself (or the decider says Stop), the supervisor stops too. See <see cref="Backoff.OnFailure"/>.
/// </summary>
internal sealed class BackoffOnRestartSupervisor : BackoffSupervisorBase
{
    public BackoffOnRestartSupervisor(BackoffOptions options)
        : base(options)
    {
    }

    /// <summary>Wraps the configured decider: the count is charged at failure time, and Restart is handed back as Stop.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(
        Options.Strategy.MaxNumberOfRetries,
        Options.Strategy.WithinTimeRangeMilliseconds > 0 ? TimeSpan.FromMilliseconds(Options.Strategy.WithinTimeRangeMilliseconds) : null,
        Decide);

    /// <inheritdoc />
    protected internal override bool Receive(object message)
    {
        if (message is Terminated terminated && Child is not null && terminated.ActorRef.Equals(Child))
        {
            BackoffLog.ChildTerminatedItself(Context.System.KernelLogger, Self.Path, terminated.ActorRef.Path);
            Context.Stop(Self);
            return true;
        }

        return HandleBackoff(message);
    }

    private Directive Decide(Exception cause)
    {
        var directive = (Options.Strategy.Decider ?? Actor.SupervisorStrategy.DefaultDecider)(cause);
        if (directive != Directive.Restart)
        {
            return directive;
        }

        // QUIRK kept from Akka (akka/akka-core#27590): this reset is scheduled only while the count is 0, so it can only
        // "reset" a count that is already 0; the window has no real effect.
        if (Options.Strategy.WithinTimeRangeMilliseconds > 0 && RestartCountN == 0)
        {
            Context.System.Scheduler.ScheduleTellOnce(
                TimeSpan.FromMilliseconds(Options.Strategy.WithinTimeRangeMilliseconds), Self, new BackoffSupervisor.ResetRestartCount(RestartCountN), Self);
        }

        var maxNrOfRetries = Options.Strategy.MaxNumberOfRetries;
        if (maxNrOfRetries >= 0 && RestartCountN + 1 > maxNrOfRetries)
        {
            BackoffLog.RetriesExhausted(Context.System.KernelLogger, Self.Path, RestartCountN + 1, maxNrOfRetries);
            Context.Stop(Self);
        }
        else if (Child is { } child)
        {
            Become(message => WaitChildTerminatedBeforeBackoff(child, message));
        }

        return Directive.Stop;
    }

    private bool WaitChildTerminatedBeforeBackoff(IActorRef child, object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(child):
                UnbecomeStacked();
                Child = null;
                ScheduleRestart();
                return true;
            case BackoffSupervisor.StartChild:
                return true;
            default:
                return HandleBackoff(message);
        }
    }
}
