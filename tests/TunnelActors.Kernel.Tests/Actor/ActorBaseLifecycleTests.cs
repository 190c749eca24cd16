using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class ActorBaseLifecycleTests : TestKit.TestKit
{
    [Fact]
    public void Start_NewActor_CtorThenPreStartThenMessages()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(TestActor, "a"), "a");
        actor.Tell("hello", TestActor);

        Assert.Equal(["a:ctor", "a:preStart", "hello"], TestActor.ReceiveN(3));
    }

    [Fact]
    public void Restart_DefaultHooks_PreRestartPostStopChildStoppedThenNewCtorPostRestartPreStart()
    {
        var parent = Sys.ActorOf(LifecycleActor.Props(TestActor, "p"), "p");
        Assert.Equal(["p:ctor", "p:preStart"], TestActor.ReceiveN(2));
        parent.Tell("spawn:c", TestActor);
        Assert.Equal(["c:ctor", "c:preStart", "p:spawned"], TestActor.ReceiveN(3).Order());

        parent.Tell("fail", TestActor);

        Assert.Equal("p:preRestart:fail", TestActor.ExpectMsg<string>());
        Assert.Equal(["c:postStop", "p:postStop"], TestActor.ReceiveN(2).Order());
        Assert.Equal(["p:ctor", "p:postRestart", "p:preStart"], TestActor.ReceiveN(3));
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Stop_ParentWithChildren_ChildrenPostStopBeforeParentPostStop()
    {
        var parent = Sys.ActorOf(LifecycleActor.Props(TestActor, "p"), "p");
        parent.Tell("spawn:c1", TestActor);
        parent.Tell("spawn:c2", TestActor);
        TestActor.ReceiveN(8);

        Sys.Stop(parent);

        var stops = TestActor.ReceiveN(3);
        Assert.Equal("p:postStop", stops[2]);
        Assert.Equal(["c1:postStop", "c2:postStop"], stops.Take(2).Order());
    }

    [Fact]
    public void Restart_CustomPreRestartKeepsChildren_SurvivingChildIsRestartedToo()
    {
        var parent = Sys.ActorOf(Props.Create(() => new KeepChildrenActor(TestActor)), "keeper");
        parent.Tell("spawn", TestActor);
        Assert.Equal(["c:ctor", "c:preStart"], TestActor.ReceiveN(2));

        parent.Tell("fail", TestActor);

        Assert.Equal(["c:preRestart:", "c:postStop", "c:ctor", "c:postRestart", "c:preStart"], TestActor.ReceiveN(5));
    }

    private sealed class KeepChildrenActor(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "spawn")
            {
                Context.ActorOf(LifecycleActor.Props(report, "c"), "c");
            }
            else
            {
                throw new InvalidOperationException("boom");
            }
        }

        protected override void PreRestart(Exception reason, object? message)
        {
        }
    }
}
