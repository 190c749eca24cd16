namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The reference to an actor living in this process: forwards to its cell's mailbox.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : ActorRefBase
{
    public ActorCell Cell { get; } = cell;

    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Mailbox.Post(new Envelope(message, sender));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);
}
