using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Support;

/// <summary>"inc" increments, "get" replies the count, "fail" throws.</summary>
public sealed class CounterActor : UntypedActor
{
    private int _count;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case "inc":
                _count++;
                break;
            case "get":
                Sender.Tell(_count, Self);
                break;
            case "fail":
                throw new InvalidOperationException("counter failure");
            default:
                Unhandled(message);
                break;
        }
    }
}
