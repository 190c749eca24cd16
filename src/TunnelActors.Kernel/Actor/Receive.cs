namespace TunnelActors.Kernel.Actor;

/// <summary>A behaviour: returns true when it handled <paramref name="message"/>, false to make it unhandled.</summary>
public delegate bool Receive(object message);
