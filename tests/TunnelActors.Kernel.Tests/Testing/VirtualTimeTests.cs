using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Testing;

public sealed class VirtualTimeTests : TestKit.TestKit
{
    [Fact]
    public async Task AdvanceAsync_ActorRearmsTimerOnEachTick_EveryTickInWindowFires()
    {
        var actor = Sys.ActorOf(FunActor.Props(
            (a, m) =>
            {
                TestActor.Tell(m, a.Self);
                a.Context.Timers.StartSingleTimer("k", "tick", TimeSpan.FromSeconds(1));
            },
            preStart: a => a.Context.Timers.StartSingleTimer("k", "tick", TimeSpan.FromSeconds(1))), "chain");
        await WaitForTimersAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(Enumerable.Repeat<object>("tick", 5), TestActor.ReceiveN(5));
        Assert.False(TestActor.HasMessages);
    }

    [Fact]
    public async Task AwaitIdleAsync_AfterChainOfMessages_AllProcessed()
    {
        var last = Sys.ActorOf(FunActor.Props((a, m) => TestActor.Tell(m, a.Self)), "last");
        var middle = Sys.ActorOf(FunActor.Props((a, m) => last.Tell(m, a.Self)), "middle");
        var first = Sys.ActorOf(FunActor.Props((a, m) => middle.Tell(m, a.Self)), "first");

        first.Tell("through", null);
        await AwaitIdleAsync();

        Assert.True(TestActor.HasMessages);
        ExpectMsg("through");
    }

    [Fact]
    public async Task AdvanceAsync_MovesClockExactlyByDelta()
    {
        var before = Clock.GetUtcNow();

        await AdvanceAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(before.AddMinutes(3), Clock.GetUtcNow());
    }
}
