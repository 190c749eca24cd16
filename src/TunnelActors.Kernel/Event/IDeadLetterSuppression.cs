namespace TunnelActors.Kernel.Event;

/// <summary>Marker for messages that are not published as dead letters when undeliverable.</summary>
public interface IDeadLetterSuppression;
