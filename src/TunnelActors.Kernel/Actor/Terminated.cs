namespace TunnelActors.Kernel.Actor;

/// <summary>Sent to a watcher when a watched actor has terminated (see <see cref="IActorContext.Watch"/>).</summary>
/// <param name="ActorRef">The actor that terminated.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone when the watch was registered.</param>
/// <param name="AddressTerminated">Always false in this single-node kernel (kept for Akka parity).</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IPossiblyHarmful;
