namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Kernel-side view of a reference: it can also receive system messages.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>Enqueues a system message (processed before any user message).</summary>
    void SendSystemMessage(SystemMessage message);
}
