namespace TunnelActors.Kernel.Actor;

/// <summary>Implemented by actors that stash; the kernel sets <see cref="Stash"/>. Stashed messages are unstashed before a restart or stop.</summary>
public interface IWithUnboundedStash
{
    /// <summary>The actor's stash.</summary>
    IStash Stash { get; set; }
}
