using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;
using Xunit.Sdk;

namespace TunnelActors.Kernel.Tests.Testing;

public sealed class TestProbeTests : TestKit.TestKit
{
    [Fact]
    public void ExpectMsg_WrongType_FailsWithDescription()
    {
        TestActor.Tell(42, null);

        var ex = Assert.Throws<XunitException>(() => ExpectMsg<string>());

        Assert.Contains("Expected a message of type String", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_Nothing_FailsAfterTimeout()
    {
        var ex = Assert.Throws<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));

        Assert.StartsWith("Timeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_MessageAlreadyQueued_Fails()
    {
        TestActor.Tell("early", null);

        Assert.Throws<XunitException>(() => ExpectNoMsg(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ExpectNoMsg_TimerDueInsideWindow_Fails()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "due", null);

        Assert.Throws<XunitException>(() => ExpectNoMsg(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ExpectNoMsgRealTime_NothingArrives_Passes()
    {
        TestActor.ExpectNoMsgRealTime(TimeSpan.FromMilliseconds(20));

        Assert.False(TestActor.HasMessages);
    }

    [Fact]
    public void ReplyAndForward_UseLastSender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        probe.Send(echo, "hi");
        probe.ExpectMsg("hi");

        probe.Reply("back");
        probe.ExpectMsg("back");
        other.Send(probe, "forward-me");
        probe.ExpectMsg("forward-me");
        probe.Forward(echo);

        other.ExpectMsg("forward-me");
    }

    [Fact]
    public void FishForMessage_SkipsUntilMatch()
    {
        foreach (var i in Enumerable.Range(0, 5))
        {
            TestActor.Tell(i, null);
        }

        Assert.Equal(3, FishForMessage(m => m is 3));
        Assert.Equal(4, ExpectMsg<int>());
    }

    [Fact]
    public void ExpectTerminated_WatchedActorStops_ReturnsTerminated()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        var probe = CreateTestProbe();
        probe.Watch(echo);

        echo.Tell(PoisonPill.Instance, null);

        Assert.Equal(echo, probe.ExpectTerminated(echo).ActorRef);
    }

    [Fact]
    public async Task AwaitAssert_EventuallyTrue_Passes()
    {
        var counter = 0;

        await AwaitAssertAsync(() =>
        {
            Assert.True(++counter >= 3);
            return Task.CompletedTask;
        });

        Assert.Equal(3, counter);
    }

    [Fact]
    public void AwaitAssert_NeverTrue_RethrowsLastFailure() =>
        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Fail("never"), TimeSpan.FromMilliseconds(50)));

    [Fact]
    public void ExpectMsgAllOf_AnyOrder_PassesAndWrongSetFails()
    {
        TestActor.Tell("b", null);
        TestActor.Tell("a", null);
        TestActor.ExpectMsgAllOf("a", "b");

        TestActor.Tell("a", null);
        TestActor.Tell("c", null);
        Assert.Throws<XunitException>(() => TestActor.ExpectMsgAllOf("a", "b"));
    }

    [Fact]
    public void IgnoreMessages_MatchingDropped_OthersKept()
    {
        TestActor.IgnoreMessages<int>();

        TestActor.Tell(1, null);
        TestActor.Tell("kept", null);

        ExpectMsg("kept");
        ExpectNoMsg(TimeSpan.FromSeconds(1));
    }
}
