namespace TunnelActors.Kernel.Actor;

/// <summary>An untyped behaviour: handles every message (call <c>Unhandled</c> for the ones it does not know).</summary>
public delegate void UntypedReceive(object message);
