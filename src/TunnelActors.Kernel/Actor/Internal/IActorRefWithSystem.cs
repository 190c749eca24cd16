namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>A reference that is not an actor cell but knows its system (test probes, dead letters).</summary>
internal interface IActorRefWithSystem
{
    ActorSystem System { get; }
}
