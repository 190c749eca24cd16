namespace TunnelActors.Kernel.Actor;

/// <summary>Implemented by actors that use keyed timers; the kernel sets <see cref="Timers"/> before the actor starts.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers.</summary>
    ITimerScheduler Timers { get; set; }
}
