namespace TunnelActors.Kernel.Actor;

/// <summary>An immutable, location-transparent handle to an actor: the only way to talk to it.</summary>
/// <remarks>Two references are equal when they point to the same actor incarnation (same path and uid).</remarks>
public interface IActorRef : IEquatable<IActorRef>
{
    /// <summary>The actor's path (with its uid).</summary>
    ActorPath Path { get; }

    /// <summary>Enqueues <paramref name="message"/> for the actor; <paramref name="sender"/> is what the receiver sees as <c>Sender</c>.</summary>
    void Tell(object message, IActorRef? sender);
}
