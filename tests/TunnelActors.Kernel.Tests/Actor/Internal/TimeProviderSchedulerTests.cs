using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class TimeProviderSchedulerTests : TestKit.TestKit
{
    [Fact]
    public async Task ScheduleTellOnce_VirtualDelay_DeliveredAtDueTimeWithSender()
    {
        var sender = CreateTestProbe();

        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(3), TestActor, "later", sender);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(2999));
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("later");
        Assert.Equal(sender, LastSender);
    }

    [Fact]
    public async Task ScheduleTellOnceCancelable_Cancelled_NotDeliveredAndTimerReleased()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(3), TestActor, "later", null);

        cancelable.Cancel();

        await ExpectNoMsgAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, Clock.ArmedCount);
    }

    [Fact]
    public async Task ScheduleTellRepeatedly_UntilCancelled_OncePerInterval()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", null);

        await AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["tick", "tick", "tick"], TestActor.ReceiveN(3));
        cancelable.Cancel();

        await ExpectNoMsgAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Now_IsTheSystemClock() => Assert.Equal(Clock.GetUtcNow(), Sys.Scheduler.Now);
}
