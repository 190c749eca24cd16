namespace TunnelActors.Kernel.Actor;

/// <summary>Marker for messages the kernel handles before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage;
