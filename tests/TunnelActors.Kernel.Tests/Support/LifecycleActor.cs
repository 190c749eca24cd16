using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Support;

/// <summary>Reports every lifecycle hook to <c>report</c> as "{id}:{hook}"; "fail" throws, "spawn:x" creates a LifecycleActor child x, anything else is echoed to the reporter.</summary>
public sealed class LifecycleActor : UntypedActor
{
    private readonly IActorRef _report;
    private readonly string _id;

    public LifecycleActor(IActorRef report, string id)
    {
        _report = report;
        _id = id;
        _report.Tell($"{_id}:ctor", null);
    }

    public static Props Props(IActorRef report, string id) => Kernel.Actor.Props.Create(() => new LifecycleActor(report, id));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "fail":
                throw new InvalidOperationException("boom");
            case string s when s.StartsWith("spawn:", StringComparison.Ordinal):
                Context.ActorOf(Props(_report, s[6..]), s[6..]);
                _report.Tell($"{_id}:spawned", null);
                break;
            default:
                _report.Tell(message, Self);
                break;
        }
    }

    protected override void PreStart() => _report.Tell($"{_id}:preStart", null);

    protected override void PostStop() => _report.Tell($"{_id}:postStop", null);

    protected override void PreRestart(Exception reason, object? message)
    {
        _report.Tell($"{_id}:preRestart:{message}", null);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _report.Tell($"{_id}:postRestart", null);
        base.PostRestart(reason);
    }
}
