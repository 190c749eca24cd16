using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class ActorCellFaultHandlingTests : TestKit.TestKit
{
    [Fact]
    public void Failure_DefaultStrategy_NextMessageIsTheOneAfterTheFailingOne()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(TestActor, "a"), "a");
        TestActor.ReceiveN(2);

        actor.Tell("m1", TestActor);
        actor.Tell("fail", TestActor);
        actor.Tell("m2", TestActor);

        Assert.Equal("m1", TestActor.ExpectMsg<string>());
        TestActor.FishForMessage(m => m is "a:preStart");
        Assert.Equal("m2", TestActor.ExpectMsg<string>());
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Restart_MessagesQueuedDuringRestart_AreAllProcessedInOrder()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SlowRestartActor(TestActor)), "slow");
        actor.Tell("fail", TestActor);
        for (var i = 0; i < 50; i++)
        {
            actor.Tell(i, TestActor);
        }

        var received = TestActor.ReceiveN(50);

        Assert.Equal(Enumerable.Range(0, 50).Cast<object>(), received);
    }

    [Fact]
    public void Create_ConstructorThrows_ChildIsStoppedNotRestarted()
    {
        var created = 0;
        var actor = Sys.ActorOf(Props.Create(() =>
        {
            Interlocked.Increment(ref created);
            return new ThrowingCtorActor();
        }), "bad");
        Watch(actor);

        ExpectTerminated(actor);
        Assert.Equal(1, Volatile.Read(ref created));
    }

    [Fact]
    public void Create_PreStartThrows_ChildIsStoppedWithoutRestart()
    {
        var actor = Sys.ActorOf(FunActor.Props((_, _) => { }, preStart: a =>
        {
            TestActor.Tell("preStart", null);
            throw new InvalidOperationException("no start");
        }), "bad");
        Watch(actor);

        ExpectMsg("preStart");
        ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Resume_Directive_KeepsStateAndDropsFailingMessage()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(Props.Create(() => new CounterActor()))).WithSupervisorStrategy(strategy), "parent");
        parent.Tell("inc", TestActor);
        parent.Tell("fail", TestActor);
        parent.Tell("inc", TestActor);
        parent.Tell("get", TestActor);

        Assert.Equal(2, ExpectMsg<int>());
    }

    [Fact]
    public void Restart_Directive_ResetsState()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(Props.Create(() => new CounterActor()))), "parent");
        parent.Tell("inc", TestActor);
        parent.Tell("fail", TestActor);
        parent.Tell("inc", TestActor);
        parent.Tell("get", TestActor);

        Assert.Equal(1, ExpectMsg<int>());
    }

    [Fact]
    public void Escalate_Directive_ParentFailsAndIsRestartedByItsSupervisor()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Escalate);
        var parent = Sys.ActorOf(
            Props.Create(() => new LifecycleParent(TestActor, Props.Create(() => new CounterActor()))).WithSupervisorStrategy(strategy),
            "parent");
        ExpectMsg("parent:preStart");

        parent.Tell("fail", TestActor);

        ExpectMsg("parent:preRestart:InvalidOperationException");
        ExpectMsg("parent:preStart");
    }

    [Fact]
    public void Kill_DefaultStrategy_StopsActor()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "victim");
        Watch(actor);

        actor.Tell(Kill.Instance, TestActor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void PostRestart_Throws_ActorIsStopped()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailingPostRestartActor()), "frail");
        Watch(actor);

        actor.Tell("fail", TestActor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void PostStop_Throws_StopStillCompletesAndWatchersNotified()
    {
        var actor = Sys.ActorOf(FunActor.Props((_, _) => { }, postStop: _ => throw new InvalidOperationException("postStop")), "grumpy");
        Watch(actor);

        Sys.Stop(actor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void PreRestart_Throws_RestartStillCompletes()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowingPreRestart(TestActor)), "grumpy");

        actor.Tell("fail", TestActor);
        actor.Tell("after", TestActor);

        ExpectMsg("restarted");
        ExpectMsg("after");
    }

    [Fact]
    public void Resume_ParentResumedAfterEscalation_ChildrenResumeToo()
    {
        var parentStrategy = new OneForOneStrategy(_ => Directive.Escalate);
        var parentProps = Props.Create(() => new ParentActor(Props.Create<CounterActor>())).WithSupervisorStrategy(parentStrategy);
        var grandParent = Sys.ActorOf(
            Props.Create(() => new ParentActor(parentProps)).WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Resume)),
            "gp");
        grandParent.Tell("inc", TestActor);
        grandParent.Tell("fail", TestActor);

        grandParent.Tell("inc", TestActor);
        grandParent.Tell("get", TestActor);

        Assert.Equal(2, ExpectMsg<int>());
    }

    private sealed class ThrowingPreRestart(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "fail")
            {
                throw new InvalidOperationException("fail");
            }

            report.Tell(message, Self);
        }

        protected override void PreRestart(Exception reason, object? message) => throw new InvalidOperationException("preRestart");

        protected override void PostRestart(Exception reason) => report.Tell("restarted", Self);
    }

    private sealed class SlowRestartActor(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "fail")
            {
                throw new InvalidOperationException("boom");
            }

            report.Tell(message, Self);
        }
    }

    private sealed class ThrowingCtorActor : UntypedActor
    {
        public ThrowingCtorActor() => throw new InvalidOperationException("ctor");

        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class FailingPostRestartActor : UntypedActor
    {
        protected override void OnReceive(object message) => throw new InvalidOperationException("first");

        protected override void PostRestart(Exception reason) => throw new InvalidOperationException("second");
    }

    /// <summary>Forwards everything to its only child "child".</summary>
    private sealed class ParentActor(Props childProps) : UntypedActor
    {
        protected override void PreStart() => Context.ActorOf(childProps, "child");

        protected override void OnReceive(object message) => Context.Child("child").Forward(message);
    }

    private sealed class LifecycleParent(IActorRef report, Props childProps) : UntypedActor
    {
        protected override void PreStart()
        {
            Context.ActorOf(childProps, "child");
            report.Tell("parent:preStart", null);
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            report.Tell("parent:preRestart:" + reason.GetType().Name, null);
            base.PreRestart(reason, message);
        }

        protected override void OnReceive(object message) => Context.Child("child").Forward(message);
    }
}
