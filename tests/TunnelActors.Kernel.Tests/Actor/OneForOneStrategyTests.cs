using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class OneForOneStrategyTests : TestKit.TestKit
{
    [Fact]
    public void MaxRetries3Within1Minute_FourthFailureWithinWindow_StopsChild()
    {
        var (parent, child) = StartSupervised(new OneForOneStrategy(3, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider));

        for (var i = 0; i < 3; i++)
        {
            parent.Tell("fail", TestActor);
            Advance(TimeSpan.FromSeconds(10));
            parent.Tell("ping", TestActor);
            ExpectMsg("ping");
        }

        parent.Tell("fail", TestActor);
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxRetries3Within1Minute_FailuresSpreadOverWindows_NeverStops()
    {
        var (parent, _) = StartSupervised(new OneForOneStrategy(3, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider));

        for (var i = 0; i < 8; i++)
        {
            parent.Tell("fail", TestActor);
            Advance(TimeSpan.FromSeconds(25));
        }

        parent.Tell("ping", TestActor);
        ExpectMsg("ping");
    }

    [Fact]
    public void MaxRetries2NoWindow_CountNeverDecays()
    {
        var (parent, child) = StartSupervised(new OneForOneStrategy(2, null, SupervisorStrategy.DefaultDecider));

        for (var i = 0; i < 2; i++)
        {
            parent.Tell("fail", TestActor);
            Advance(TimeSpan.FromDays(30));
            parent.Tell("ping", TestActor);
            ExpectMsg("ping");
        }

        parent.Tell("fail", TestActor);
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxRetries0_FirstFailure_StopsChild()
    {
        var (parent, child) = StartSupervised(new OneForOneStrategy(0, null, SupervisorStrategy.DefaultDecider));

        parent.Tell("fail", TestActor);

        ExpectTerminated(child);
    }

    [Fact]
    public void WithMaxNrOfRetries_KeepsDeciderAndWindow()
    {
        var decider = Decider.Always(Directive.Resume);
        var strategy = new OneForOneStrategy(5, TimeSpan.FromSeconds(3), decider).WithMaxNrOfRetries(7);

        Assert.Equal(7, strategy.MaxNumberOfRetries);
        Assert.Equal(3000, strategy.WithinTimeRangeMilliseconds);
        Assert.Same(decider, strategy.Decider);
    }

    [Fact]
    public void Constructor_DeciderOnly_UnlimitedWithoutWindow()
    {
        var strategy = new OneForOneStrategy(SupervisorStrategy.DefaultDecider);

        Assert.Equal(-1, strategy.MaxNumberOfRetries);
        Assert.Equal(-1, strategy.WithinTimeRangeMilliseconds);
    }

    private (IActorRef Parent, IActorRef Child) StartSupervised(SupervisorStrategy strategy)
    {
        var parent = Sys.ActorOf(Props.Create(() => new Supervisor(Props.Create<EchoActorThatFails>())).WithSupervisorStrategy(strategy), "parent");
        parent.Tell("child?", TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(child);
        return (parent, child);
    }

    private sealed class EchoActorThatFails : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "fail")
            {
                throw new InvalidOperationException("fail");
            }

            Sender.Tell(message, Self);
        }
    }

    private sealed class Supervisor(Props childProps) : UntypedActor
    {
        protected override void PreStart() => Context.ActorOf(childProps, "child");

        protected override void OnReceive(object message)
        {
            if (message is "child?")
            {
                Sender.Tell(Context.Child("child"), Self);
                return;
            }

            Context.Child("child").Forward(message);
        }
    }
}
