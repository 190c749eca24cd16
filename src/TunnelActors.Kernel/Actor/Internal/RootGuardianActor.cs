namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The root (<c>/</c>): watches the user guardian and stops itself when it dies, which terminates the system.</summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override void PreStart() => Context.Watch(Context.Child("user"));

    protected internal override bool Receive(object message)
    {
        if (message is Terminated)
        {
            Context.Stop(Self);
            return true;
        }

        return false;
    }
}
