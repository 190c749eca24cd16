using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class AllForOneStrategyTests : TestKit.TestKit
{
    [Fact]
    public void Restart_OneChildFails_EverySiblingIsRestarted()
    {
        var parent = StartParent(new AllForOneStrategy(SupervisorStrategy.DefaultDecider));

        parent.Tell(("a", "fail"), TestActor);

        var events = TestActor.ReceiveN(10).Cast<string>().ToList();
        Assert.Contains("a:preRestart:fail", events);
        Assert.Contains("b:preRestart:", events);
        Assert.Equal(["a:postRestart", "b:postRestart"], events.Where(e => e.EndsWith(":postRestart", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Stop_OneChildFails_EverySiblingIsStopped()
    {
        var parent = StartParent(new AllForOneStrategy(_ => Directive.Stop));
        var (a, b) = Children(parent);
        Watch(a);
        Watch(b);

        parent.Tell(("a", "fail"), TestActor);

        TestActor.FishForMessage(m => m is Terminated t && t.ActorRef.Equals(a) || m is Terminated u && u.ActorRef.Equals(b));
        TestActor.FishForMessage(m => m is Terminated);
    }

    [Fact]
    public void NormalStopOfOneChild_SiblingKeepsRunning()
    {
        var parent = StartParent(new AllForOneStrategy(SupervisorStrategy.DefaultDecider));
        var (a, b) = Children(parent);
        Watch(a);

        Sys.Stop(a);
        ExpectMsg("a:postStop");
        ExpectTerminated(a);

        b.Tell("still-there", TestActor);
        ExpectMsg("still-there");
    }

    [Fact]
    public void RetryBudgetExhausted_AllChildrenStopped()
    {
        var parent = StartParent(new AllForOneStrategy(1, null, SupervisorStrategy.DefaultDecider));
        var (a, b) = Children(parent);
        parent.Tell(("a", "fail"), TestActor);
        TestActor.ReceiveN(10);
        Watch(a);
        Watch(b);

        parent.Tell(("b", "fail"), TestActor);

        var terminated = new[] { TestActor.FishForMessage<Terminated>(_ => true), TestActor.FishForMessage<Terminated>(_ => true) };
        Assert.Equal(new[] { a, b }.Select(r => r.Path.Name).Order(), terminated.Select(t => t.ActorRef.Path.Name).Order());
    }

    private IActorRef StartParent(SupervisorStrategy strategy)
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(TestActor)).WithSupervisorStrategy(strategy), "parent");
        Assert.Equal(4, TestActor.ReceiveN(4).Count);
        return parent;
    }

    private (IActorRef A, IActorRef B) Children(IActorRef parent)
    {
        parent.Tell("children", TestActor);
        var children = ExpectMsg<IReadOnlyList<IActorRef>>();
        return (children.Single(c => c.Path.Name == "a"), children.Single(c => c.Path.Name == "b"));
    }

    private sealed class Parent(IActorRef report) : UntypedActor
    {
        protected override void PreStart()
        {
            Context.ActorOf(LifecycleActor.Props(report, "a"), "a");
            Context.ActorOf(LifecycleActor.Props(report, "b"), "b");
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "children":
                    Sender.Tell(Context.GetChildren(), Self);
                    break;
                case (string child, string payload):
                    Context.Child(child).Forward(payload);
                    break;
            }
        }
    }
}
