namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The user guardian (<c>/user</c>): parent of top-level actors; handles no messages itself.</summary>
internal sealed class UserGuardianActor : ActorBase
{
    protected internal override bool Receive(object message) => false;
}
