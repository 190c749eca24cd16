namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Queued in a watcher's mailbox for a dead watchee; delivered only if the watch is still queued (Unwatch cancels it).</summary>
internal sealed class TerminatedDelivery(IActorRef actor, object message) : IAutoReceivedMessage
{
    public IActorRef Actor { get; } = actor;

    public object Message { get; } = message;
}
