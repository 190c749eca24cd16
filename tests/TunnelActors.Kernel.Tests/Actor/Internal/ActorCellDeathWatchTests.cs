using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Actor.Internal;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class ActorCellDeathWatchTests : TestKit.TestKit
{
    [Fact]
    public void Watch_WatcheeStops_TerminatedWithExistenceConfirmed()
    {
        var watchee = Sys.ActorOf(Props.Create<EchoActor>(), "watchee");
        Watch(watchee);

        Sys.Stop(watchee);

        var terminated = ExpectTerminated(watchee);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.Equal(watchee, LastSender);
    }

    [Fact]
    public void Watch_AlreadyDeadActor_TerminatedWithExistenceNotConfirmed()
    {
        var probe = CreateTestProbe();
        var watchee = Sys.ActorOf(Props.Create<EchoActor>(), "watchee");
        probe.Watch(watchee);
        Sys.Stop(watchee);
        probe.ExpectTerminated(watchee);
        var watcher = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            if (m is "watch")
            {
                a.Context.Watch(watchee);
            }
            else
            {
                TestActor.Tell(m, a.Self);
            }
        }), "watcher");

        watcher.Tell("watch", TestActor);

        var terminated = ExpectMsg<Terminated>();
        Assert.Equal(watchee, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Terminated_NotHandled_WatcherStopsWithDeathPact()
    {
        var watchee = Sys.ActorOf(Props.Create<EchoActor>(), "watchee");
        var watcher = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            if (m is "watch")
            {
                a.Context.Watch(watchee);
                a.Sender.Tell("watching", a.Self);
            }
            else
            {
                a.CallUnhandled(m);
            }
        }), "watcher");
        Watch(watcher);
        watcher.Tell("watch", TestActor);
        ExpectMsg("watching");

        Sys.Stop(watchee);

        ExpectTerminated(watcher);
    }

    [Fact]
    public async Task Unwatch_AfterTerminatedWasEnqueued_TerminatedIsNeverDelivered()
    {
        using var gate = new ManualResetEventSlim();
        var watchee = Sys.ActorOf(Props.Create<EchoActor>(), "watchee");
        var watcher = (LocalActorRef)Sys.ActorOf(FunActor.Props((a, m) =>
        {
            switch (m)
            {
                case "watch":
                    a.Context.Watch(watchee);
                    break;
                case "block":
                    TestActor.Tell("blocked", a.Self);
                    gate.Wait(DefaultTimeout);
                    break;
                case "unwatch":
                    a.Context.Unwatch(watchee);
                    break;
                default:
                    TestActor.Tell(m, a.Self);
                    break;
            }
        }), "watcher");
        watcher.Tell("watch", TestActor);
        watcher.Tell("block", TestActor);
        ExpectMsg("blocked");

        Sys.Stop(watchee);
        await AwaitConditionAsync(() => watcher.Cell.Mailbox.HasSystemMessages);
        watcher.Tell("unwatch", TestActor);
        watcher.Tell("after", TestActor);
        gate.Set();

        ExpectMsg("after");
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void WatchWith_WatcheeStops_CustomMessageDelivered()
    {
        var watchee = Sys.ActorOf(Props.Create<EchoActor>(), "watchee");
        var watcher = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            if (m is "watch")
            {
                a.Context.WatchWith(watchee, "custom-gone");
                a.Sender.Tell("watching", a.Self);
            }
            else
            {
                TestActor.Tell(m, a.Sender);
            }
        }), "watcher");
        watcher.Tell("watch", TestActor);
        ExpectMsg("watching");

        Sys.Stop(watchee);

        ExpectMsg("custom-gone");
        Assert.Equal(watchee, LastSender);
    }

    [Fact]
    public void Terminated_FromChild_NameIsFreeWhenItArrives()
    {
        var parent = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            switch (m)
            {
                case "start":
                    a.Context.Watch(a.Context.ActorOf(Props.Create<EchoActor>(), "kid"));
                    break;
                case "stop":
                    a.Context.Stop(a.Context.Child("kid"));
                    break;
                case Terminated:
                    a.Context.ActorOf(Props.Create<EchoActor>(), "kid");
                    TestActor.Tell("recreated", a.Self);
                    break;
            }
        }), "parent");
        parent.Tell("start", TestActor);

        parent.Tell("stop", TestActor);

        ExpectMsg("recreated");
    }

    [Fact]
    public void ActorOf_NameHeldByDyingChild_ThrowsNotUnique()
    {
        var parent = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            var kid = a.Context.ActorOf(Props.Create<EchoActor>(), "kid");
            a.Context.Stop(kid);
            try
            {
                a.Context.ActorOf(Props.Create<EchoActor>(), "kid");
                TestActor.Tell("no exception", a.Self);
            }
            catch (InvalidActorNameException ex)
            {
                TestActor.Tell(ex.Message, a.Self);
            }
        }), "parent");

        parent.Tell("go", TestActor);

        ExpectMsg("Actor name \"kid\" is not unique!");
    }

    [Fact]
    public void Terminated_AfterMessagesTheDeadActorSentBeforeDying()
    {
        var watchee = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            for (var i = 0; i < 100; i++)
            {
                a.Sender.Tell(i, a.Self);
            }

            a.Context.Stop(a.Self);
        }), "chatty");
        Watch(watchee);

        watchee.Tell("go", TestActor);

        var messages = TestActor.ReceiveN(101);
        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), messages.Take(100));
        Assert.IsType<Terminated>(messages[100]);
    }

    [Fact]
    public void Watch_Self_NoTerminatedLoop()
    {
        var actor = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            a.Context.Watch(a.Self);
            a.Context.Stop(a.Self);
        }), "narcissus");
        Watch(actor);

        actor.Tell("go", TestActor);

        ExpectTerminated(actor);
    }
}
