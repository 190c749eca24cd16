using TunnelActors.Kernel.Event;

namespace TunnelActors.Kernel.Tests.Event;

public sealed class EventStreamTests : TestKit.TestKit
{
    [Fact]
    public void Publish_SubscribedByBaseType_ReceivesSubtypes()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(Exception));

        Sys.EventStream.Publish(new InvalidOperationException("x"));
        Sys.EventStream.Publish("not an exception");

        Assert.Equal("x", probe.ExpectMsg<InvalidOperationException>().Message);
        probe.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Unsubscribe_NoMoreEvents()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(string));

        Sys.EventStream.Unsubscribe(probe);
        Sys.EventStream.Publish("hello");

        probe.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void SubscribeHandler_CalledSynchronouslyUntilDisposed()
    {
        var seen = new List<string>();
        var subscription = Sys.EventStream.Subscribe<string>(seen.Add);

        Sys.EventStream.Publish("one");
        subscription.Dispose();
        Sys.EventStream.Publish("two");

        Assert.Equal(["one"], seen);
    }

    [Fact]
    public void Subscribe_Twice_SecondReturnsFalseAndDeliversOnce()
    {
        var probe = CreateTestProbe();

        Assert.True(Sys.EventStream.Subscribe(probe, typeof(string)));
        Assert.False(Sys.EventStream.Subscribe(probe, typeof(string)));
        Sys.EventStream.Publish("once");

        probe.ExpectMsg("once");
        probe.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }
}
