namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The reference to no actor: drops everything.</summary>
internal sealed class NobodyRef : ActorRefBase
{
    public static readonly NobodyRef Instance = new();

    public override ActorPath Path { get; } = ActorPath.Root("all-systems").Child("Nobody");

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }
}
