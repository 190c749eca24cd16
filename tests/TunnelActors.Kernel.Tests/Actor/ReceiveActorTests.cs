using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Event;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class ReceiveActorTests : TestKit.TestKit
{
    [Fact]
    public void Receive_TypedHandlers_FirstMatchWinsAndUnknownIsUnhandled()
    {
        var unhandled = SubscribeProbe<UnhandledMessage>();
        var actor = Sys.ActorOf(Props.Create(() => new TypedActor()), "typed");

        actor.Tell(5, TestActor);
        actor.Tell(-1, TestActor);
        actor.Tell("s", TestActor);
        actor.Tell(2.5, TestActor);

        Assert.Equal(["positive 5", "int -1", "string s"], TestActor.ReceiveN(3));
        Assert.Equal(2.5, unhandled.ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void BecomeConfigure_SwitchesHandlerSet()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TypedActor()), "typed");

        actor.Tell("switch", TestActor);
        actor.Tell(1, TestActor);

        Assert.Equal("switched 1", ExpectMsg<string>(m => m.StartsWith("switched", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReceiveAsync_HandlerAwaits_NextMessageWaitsForCompletion()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)), "async");

        actor.Tell("first", TestActor);
        actor.Tell("second", TestActor);
        ExpectMsg("first:start");
        await ExpectNoMsgAsync(TimeSpan.FromSeconds(1));
        gate.SetResult();

        Assert.Equal(["first:end", "second:start", "second:end"], TestActor.ReceiveN(3));
    }

    private sealed class TypedActor : ReceiveActor
    {
        public TypedActor()
        {
            Receive<int>(i => Sender.Tell($"positive {i}", Self), i => i > 0);
            Receive<int>(i => Sender.Tell($"int {i}", Self));
            Receive<string>(s => Become(() => Receive<int>(i => Sender.Tell($"switched {i}", Self))), s => s == "switch");
            Receive<string>(s => Sender.Tell($"string {s}", Self));
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor(Task gate)
        {
            ReceiveAsync<string>(async s =>
            {
                var sender = Sender;
                sender.Tell(s + ":start", Self);
                await gate;
                Sender.Tell(s + ":end", Self);
            });
        }
    }
}
