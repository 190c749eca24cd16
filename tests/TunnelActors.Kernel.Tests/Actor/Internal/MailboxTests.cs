using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Event;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class MailboxTests : TestKit.TestKit
{
    [Fact]
    public void PoisonPill_IsProcessedInFifoOrderAndLaterMessagesGoToDeadLetters()
    {
        using var gate = new ManualResetEventSlim();
        var deadLetters = SubscribeProbe<DeadLetter>();
        var actor = Sys.ActorOf(BlockingEcho(gate), "a");
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        actor.Tell("m1", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell("m2", TestActor);
        Watch(actor);

        gate.Set();

        ExpectMsg("m1");
        ExpectTerminated(actor);
        Assert.Equal("m2", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void ContextStop_IsSystemMessage_OvertakesQueuedUserMessages()
    {
        using var gate = new ManualResetEventSlim();
        var deadLetters = SubscribeProbe<DeadLetter>();
        var actor = Sys.ActorOf(BlockingEcho(gate), "a");
        actor.Tell("block", TestActor);
        ExpectMsg("blocked");
        actor.Tell("m1", TestActor);
        actor.Tell("m2", TestActor);
        Watch(actor);

        Sys.Stop(actor);
        gate.Set();

        ExpectTerminated(actor);
        var dropped = deadLetters.ReceiveN(2).Cast<DeadLetter>().Select(d => d.Message);
        Assert.Equal(["m1", "m2"], dropped);
    }

    [Fact]
    public void Tell_ManyMessagesFromOneSender_ProcessedInOrder()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        for (var i = 0; i < 1000; i++)
        {
            echo.Tell(i, TestActor);
        }

        Assert.Equal(Enumerable.Range(0, 1000).Cast<object>(), TestActor.ReceiveN(1000));
    }

    [Fact]
    public void PingPong_SingleMessageInFlight_NoLostWakeUpOver100kRoundTrips()
    {
        const int rounds = 100_000;
        var pong = Sys.ActorOf(Props.Create<EchoActor>(), "pong");
        var ping = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            var n = (int)m;
            if (n == rounds)
            {
                TestActor.Tell("done", a.Self);
                return;
            }

            pong.Tell(n + 1, a.Self);
        }), "ping");

        ping.Tell(0, pong);

        ExpectMsg("done", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Tell_EightProducerThreadsToOneActor_EveryMessageExactlyOnce()
    {
        const int perProducer = 20_000;
        var received = new int[8];
        var sink = Sys.ActorOf(FunActor.Props((_, m) => received[(int)m]++), "sink");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                sink.Tell(p, null);
            }
        })));
        await AwaitIdleAsync();

        Assert.All(received, count => Assert.Equal(perProducer, count));
    }

    private Props BlockingEcho(ManualResetEventSlim gate) => FunActor.Props((a, m) =>
    {
        if (m is "block")
        {
            TestActor.Tell("blocked", a.Self);
            gate.Wait(DefaultTimeout);
            return;
        }

        TestActor.Tell(m, a.Self);
    });
}
