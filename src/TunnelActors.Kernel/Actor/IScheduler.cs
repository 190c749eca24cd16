namespace TunnelActors.Kernel.Actor;

/// <summary>Sends messages later, on the actor system's <see cref="TimeProvider"/>.</summary>
public interface IScheduler
{
    /// <summary>The current time of the scheduler's clock.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>, unless <paramref name="cancelable"/> is cancelled first.</summary>
    void ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender, ICancelable? cancelable = null);

    /// <summary>Tells <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>, until cancelled.</summary>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender, ICancelable? cancelable = null);
}
