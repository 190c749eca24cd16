namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Equality and formatting shared by every reference: same path and same uid.</summary>
internal abstract class ActorRefBase : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public bool Equals(IActorRef? other) =>
        ReferenceEquals(this, other) || (other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path));

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.Uid != 0 ? Path.Uid.GetHashCode() : Path.GetHashCode();

    public override string ToString() => $"[{Path.ToStringWithUid()}]";
}
