using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>A reference that points to no actor; everything told to it is dropped.</summary>
    public static readonly IActorRef Nobody = NobodyRef.Instance;

    /// <summary>The "no sender" value for <see cref="IActorRef.Tell"/> (receivers see dead letters as sender).</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>True when <paramref name="actorRef"/> is null or <see cref="Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or NobodyRef;
}
