namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The parent of the root guardian: completes system termination and stops the root if it fails.</summary>
internal sealed class RootParentRef(ActorSystem system, ActorPath path) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender) => system.DeadLetterRef.Publish(message, sender, this);

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                KernelLog.RootGuardianFailed(system.KernelLogger, failed.Cause);
                failed.Child.SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                system.OnRootTerminated();
                break;
        }
    }
}
