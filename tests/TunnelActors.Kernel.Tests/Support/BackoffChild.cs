using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Pattern;

namespace TunnelActors.Kernel.Tests.Support;

/// <summary>
/// Child for backoff tests: reports "started"/"stopped"/"restarted" to <c>report</c>; "stop" stops itself, "fail" throws,
/// "reset" sends Reset to its parent, "up" tells "from-child" to its parent; anything else is echoed to the sender.
/// </summary>
public sealed class BackoffChild(IActorRef report) : UntypedActor
{
    public static Props Props(IActorRef report) => Kernel.Actor.Props.Create(() => new BackoffChild(report));

    protected override void PreStart() => report.Tell("started", Self);

    protected override void PostStop() => report.Tell("stopped", Self);

    protected override void PostRestart(Exception reason) => report.Tell("restarted", Self);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "stop":
                Context.Stop(Self);
                break;
            case "fail":
                throw new InvalidOperationException("child failure");
            case "reset":
                Context.Parent.Tell(BackoffSupervisor.Reset.Instance, Self);
                break;
            case "up":
                Context.Parent.Tell("from-child", Self);
                break;
            default:
                Sender.Tell(message, Self);
                break;
        }
    }
}
