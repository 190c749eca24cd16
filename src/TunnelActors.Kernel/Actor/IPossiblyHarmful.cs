namespace TunnelActors.Kernel.Actor;

/// <summary>Marker for messages that affect an actor's life (Akka parity: PoisonPill, Kill, Terminated).</summary>
public interface IPossiblyHarmful;
