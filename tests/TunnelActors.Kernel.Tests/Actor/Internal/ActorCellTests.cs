using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Event;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class ActorCellTests : TestKit.TestKit
{
    [Fact]
    public void BecomeStacked_ThenUnbecome_ReturnsToPreviousBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody(TestActor)), "moody");

        actor.Tell("push", TestActor);
        actor.Tell("x", TestActor);
        actor.Tell("pop", TestActor);
        actor.Tell("y", TestActor);

        Assert.Equal(["happy:x", "base:y"], TestActor.ReceiveN(2));
    }

    [Fact]
    public void Become_ReplacesTopAndRestartResetsToInitial()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Moody(TestActor)), "moody");

        actor.Tell("replace", TestActor);
        actor.Tell("x", TestActor);
        actor.Tell("fail", TestActor);
        actor.Tell("y", TestActor);

        Assert.Equal(["happy:x", "base:y"], TestActor.ReceiveN(2));
    }

    [Fact]
    public void Unhandled_OrdinaryMessage_PublishedAsUnhandledMessage()
    {
        var unhandled = SubscribeProbe<UnhandledMessage>();
        var actor = Sys.ActorOf(Props.Create<CounterActor>(), "counter");

        actor.Tell("what?", TestActor);

        var message = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal("what?", message.Message);
        Assert.Equal(TestActor, message.Sender);
        Assert.Equal(actor, message.Recipient);
    }

    [Fact]
    public async Task SetReceiveTimeout_Idle_ReceivesReceiveTimeout()
    {
        var actor = Sys.ActorOf(FunActor.Props(
            (a, m) => TestActor.Tell(m, a.Self),
            preStart: a => a.Context.SetReceiveTimeout(TimeSpan.FromSeconds(30))), "idle");
        await WaitForTimersAsync();

        await ExpectNoMsgAsync(TimeSpan.FromSeconds(29));
        await AdvanceAsync(TimeSpan.FromSeconds(1));

        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public async Task SetReceiveTimeout_MessageArrives_TimeoutRestarts()
    {
        var actor = Sys.ActorOf(FunActor.Props(
            (a, m) => TestActor.Tell(m, a.Self),
            preStart: a => a.Context.SetReceiveTimeout(TimeSpan.FromSeconds(30))), "idle");
        await WaitForTimersAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(20));

        actor.Tell("poke", TestActor);
        ExpectMsg("poke");

        await ExpectNoMsgAsync(TimeSpan.FromSeconds(29));
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public void ActorBase_CreatedWithNew_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new CounterActor());

    [Fact]
    public void Props_FactoryReturnsSameInstanceOnRestart_ActorStops()
    {
        CounterActor? cached = null;
        var actor = Sys.ActorOf(Props.Create(() => cached ??= new CounterActor()), "counter");
        Watch(actor);

        actor.Tell("fail", TestActor);

        ExpectTerminated(actor);
    }

    private sealed class Moody(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "push":
                    BecomeStacked(Happy);
                    break;
                case "replace":
                    Become(Happy);
                    break;
                case "fail":
                    throw new InvalidOperationException("restart");
                default:
                    report.Tell($"base:{message}", Self);
                    break;
            }
        }

        private void Happy(object message)
        {
            switch (message)
            {
                case "pop":
                    UnbecomeStacked();
                    break;
                case "fail":
                    throw new InvalidOperationException("restart");
                default:
                    report.Tell($"happy:{message}", Self);
                    break;
            }
        }
    }
}
