namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>One arming of the receive timeout; delivered as <see cref="ReceiveTimeout"/> only if it is still the current arming.</summary>
internal sealed class ReceiveTimeoutTick(IActorRef self) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public void Fire() => self.Tell(this, null);
}
