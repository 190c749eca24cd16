using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>Sending helpers that use the current actor (if any) as implicit sender.</summary>
public static class ActorRefExtensions
{
    /// <summary>Tells <paramref name="message"/> with the currently running actor as sender (no sender outside an actor).</summary>
    public static void Tell(this IActorRef receiver, object message) => receiver.Tell(message, ActorCell.Current?.Self);

    /// <summary>Tells <paramref name="message"/> keeping the current message's sender (must be called inside an actor).</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        var cell = ActorCell.Current ?? throw new InvalidOperationException("Forward can only be called from inside an actor.");
        receiver.Tell(message, cell.Sender);
    }
}
