namespace TunnelActors.Kernel.Actor;

/// <summary>What an actor can see and do about itself: identity, children, watches, behaviour, timers.</summary>
/// <remarks>Only use it from the actor's own message processing (it is not thread-safe).</remarks>
public interface IActorContext
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The supervisor of this actor.</summary>
    IActorRef Parent { get; }

    /// <summary>Sender of the message being processed (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The keyed timers of this actor (all cancelled on restart and stop).</summary>
    ITimerScheduler Timers { get; }

    /// <summary>Cancelled when this incarnation ends: the actor stops, or is restarted.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Creates and starts a child; <paramref name="name"/> must be unique among living and dying siblings.</summary>
    /// <exception cref="InvalidActorNameException">Name invalid or taken ("Actor name "x" is not unique!").</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The child named <paramref name="name"/>, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>The children that are alive or dying.</summary>
    IReadOnlyList<IActorRef> GetChildren();

    /// <summary>Stops <paramref name="actor"/> (a child, or self) asynchronously: after its current message, before queued ones.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers a <see cref="Terminated"/> when <paramref name="subject"/> dies (even if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a notification already queued is never delivered.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour on top of the current one.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the top behaviour (the actor's own <c>Receive</c> stays at the bottom).</summary>
    void UnbecomeStacked();

    /// <summary>Sends <see cref="Actor.ReceiveTimeout"/> after this much idle time; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);
}
