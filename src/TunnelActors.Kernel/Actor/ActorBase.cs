using Microsoft.Extensions.Logging;
using TunnelActors.Kernel.Actor.Internal;
using TunnelActors.Kernel.Event;

namespace TunnelActors.Kernel.Actor;

/// <summary>Base class of every actor: its receive, its context and its lifecycle hooks (see ActorBase.Lifecycle.cs).</summary>
/// <remarks>Instances are created by the kernel from <see cref="Actor.Props"/>; constructing one directly throws.</remarks>
public abstract partial class ActorBase
{
    private readonly ActorCell _cell;
    private ILogger? _log;
    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>Binds the new instance to the actor cell that is creating it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Current ?? throw new InvalidOperationException(
            $"{GetType().Name} must be created by the kernel (Props.Create + ActorOf), not with 'new'.");
        _cell.ClaimInstance(this);
    }

    /// <summary>This actor's context (children, watches, behaviour, timers).</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>Sender of the current message (dead letters when none).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>A logger whose category is the actor's type.</summary>
    protected ILogger Log => _log ??= _cell.System.LoggerFactory.CreateLogger(GetType());

    internal SupervisorStrategy SupervisorStrategyInternal => _supervisorStrategy ??= SupervisorStrategy();

    /// <summary>Handles <paramref name="message"/>; return false to make it unhandled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>
    /// Called for messages no behaviour handled: an unhandled <see cref="Terminated"/> throws <see cref="DeathPactException"/>,
    /// anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected internal virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    /// <summary>The strategy for this actor's children (unless <see cref="Actor.Props.SupervisorStrategy"/> is set).</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.DefaultStrategy;

    /// <summary>Runs an async step: the mailbox processes no user message until the returned task completes.</summary>
    /// <remarks>
    /// Continuations run inside the actor (they are posted to its mailbox), so state and <see cref="Sender"/> stay safe across
    /// <c>await</c>; do not use <c>ConfigureAwait(false)</c> in actor code. A faulted task fails the actor like a thrown exception.
    /// </remarks>
    protected void RunTask(Func<Task> action) => _cell.RunTask(action);

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops the top behaviour.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();
}
