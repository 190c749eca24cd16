using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Tunnels;

public sealed class TunnelBackoffSupervisorTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private static readonly BackoffSettings Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), 0, TimeSpan.FromSeconds(30), true);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 4)]
    [InlineData(int.MaxValue, 4)]
    public void Delay_RestartCount_MinDoubledCappedAtMax(int restartCount, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), TunnelBackoffSupervisor.Delay(restartCount, Backoff, 0));
    }

    [Fact]
    public void Delay_Jitter_AppliedAfterCap()
    {
        var backoff = Backoff with { RandomFactor = 0.5 };

        Assert.Equal(TimeSpan.FromSeconds(6), TunnelBackoffSupervisor.Delay(5, backoff, 1.0));
    }

    [Fact]
    public async Task ChildThrows_Twice_NewChildAfterGrowingDelay()
    {
        var guard = Sys.ActorOf(TunnelBackoffSupervisor.Props(Props.Create(() => new Child(TestActor, false)), "child", Backoff, () => 0));
        ExpectMsg("started");

        guard.Tell("boom", TestActor);
        await AwaitIdleAsync();
        await AdvanceAsync(TimeSpan.FromMilliseconds(999));
        Assert.False(TestActor.HasMessages);
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
        guard.Tell("boom", TestActor);
        await AdvanceAsync(TimeSpan.FromMilliseconds(1999));
        Assert.False(TestActor.HasMessages);
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));

        ExpectMsg("started");
        guard.Tell(TunnelBackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(2, ExpectMsg<TunnelBackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public async Task ChildStable_ForStableAfter_CountReset()
    {
        var guard = Sys.ActorOf(TunnelBackoffSupervisor.Props(Props.Create(() => new Child(TestActor, false)), "child", Backoff, () => 0));
        ExpectMsg("started");
        guard.Tell("boom", TestActor);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        ExpectMsg("started");

        await AdvanceAsync(TimeSpan.FromSeconds(30));
        guard.Tell(TunnelBackoffSupervisor.GetRestartCount.Instance, TestActor);

        Assert.Equal(0, ExpectMsg<TunnelBackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public void Message_ChildAlive_ForwardedWithOriginalSender()
    {
        var guard = Sys.ActorOf(TunnelBackoffSupervisor.Props(Props.Create(() => new Child(TestActor, false)), "child", Backoff, () => 0));
        ExpectMsg("started");

        guard.Tell("ping", TestActor);

        ExpectMsg("pong");
    }

    [Fact]
    public void ChildStopsItself_GuardStops()
    {
        var guard = Watch(Sys.ActorOf(TunnelBackoffSupervisor.Props(Props.Create(() => new Child(TestActor, false)), "child", Backoff, () => 0)));
        ExpectMsg("started");

        guard.Tell("stop", TestActor);

        ExpectTerminated(guard);
    }

    [Fact]
    public void ChildFailsInConstructor_GuardStops()
    {
        var guard = Watch(Sys.ActorOf(TunnelBackoffSupervisor.Props(Props.Create(() => new Child(TestActor, true)), "child", Backoff, () => 0)));

        ExpectTerminated(guard);
    }

    private sealed class Child : UntypedActor
    {
        public Child(IActorRef probe, bool failInConstructor)
        {
            if (failInConstructor)
            {
                throw new InvalidOperationException("bad settings");
            }

            probe.Tell("started", Self);
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "boom":
                    throw new InvalidOperationException("a bug");
                case "stop":
                    Context.Stop(Self);
                    break;
                case "ping":
                    Sender.Tell("pong", Self);
                    break;
            }
        }
    }
}
