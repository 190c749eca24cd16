using TunnelActors.Kernel.Event;

namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Where undeliverable messages go: each is published as a <see cref="DeadLetter"/> on the event stream.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter deadLetter)
        {
            system.EventStream.Publish(deadLetter);
            return;
        }

        Publish(message, sender, this);
    }

    /// <summary>Publishes <paramref name="message"/> as undeliverable to <paramref name="recipient"/> (kernel wrappers are dropped).</summary>
    public void Publish(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is TimerScheduler.TimerEntry or TerminatedDelivery or IDeadLetterSuppression)
        {
            return;
        }

        KernelLog.DeadLetter(system.KernelLogger, message.GetType(), recipient.Path);
        system.EventStream.Publish(new DeadLetter(message, sender ?? this, recipient));
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watchee.Equals(this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false));
        }
    }
}
