using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class GracefulStopSupportTests : TestKit.TestKit
{
    [Fact]
    public async Task GracefulStop_QueuedMessagesFirstThenPostStop_CompletesTrue()
    {
        var actor = Sys.ActorOf(LifecycleActor.Props(TestActor, "a"), "a");
        TestActor.ReceiveN(2);
        actor.Tell("queued", TestActor);

        var stopped = await actor.GracefulStop(TimeSpan.FromSeconds(5));

        Assert.True(stopped);
        Assert.Equal(["queued", "a:postStop"], TestActor.ReceiveN(2));
    }

    [Fact]
    public async Task GracefulStop_ActorIgnoresStopMessage_FalseAfterVirtualTimeout()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "stubborn");
        var task = actor.GracefulStop(TimeSpan.FromSeconds(5), stopMessage: "please");
        await WaitForTimersAsync();

        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await task);
    }

    [Fact]
    public async Task GracefulStop_AlreadyDead_CompletesTrue()
    {
        var actor = Sys.ActorOf(Props.Create<EchoActor>(), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));
    }
}
