using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Tunnels;

public sealed class HandshakeGateTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public void Request_CapacityReached_WaitsUntilRelease()
    {
        var gate = Sys.ActorOf(HandshakeGate.Props(1, TimeSpan.FromSeconds(30)));
        var a = CreateTestProbe();
        var b = CreateTestProbe();

        a.Send(gate, new RequestHandshakeSlot(1));
        b.Send(gate, new RequestHandshakeSlot(7));

        Assert.Equal(1, a.ExpectMsg<HandshakeSlotGranted>().Ticket);
        b.ExpectNoMsg(TimeSpan.FromSeconds(1));
        a.Send(gate, new ReleaseHandshakeSlot(1));
        Assert.Equal(7, b.ExpectMsg<HandshakeSlotGranted>().Ticket);
    }

    [Fact]
    public async Task Held_PastHandshakeTimeout_SlotTakenBack()
    {
        var gate = Sys.ActorOf(HandshakeGate.Props(1, TimeSpan.FromSeconds(5)));
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        a.Send(gate, new RequestHandshakeSlot(1));
        a.ExpectMsg<HandshakeSlotGranted>();
        b.Send(gate, new RequestHandshakeSlot(2));

        await AdvanceAsync(TimeSpan.FromSeconds(4.9));
        Assert.False(b.HasMessages);
        await AdvanceAsync(TimeSpan.FromSeconds(0.1));

        Assert.Equal(2, b.ExpectMsg<HandshakeSlotGranted>().Ticket);
    }

    [Fact]
    public void Release_StaleTicket_Ignored()
    {
        var gate = Sys.ActorOf(HandshakeGate.Props(1, TimeSpan.FromSeconds(30)));
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        a.Send(gate, new RequestHandshakeSlot(2));
        a.ExpectMsg<HandshakeSlotGranted>();
        b.Send(gate, new RequestHandshakeSlot(1));

        a.Send(gate, new ReleaseHandshakeSlot(1));
        gate.Tell(GetHandshakeGateState.Instance, TestActor);

        Assert.Equal(new HandshakeGateState(1, 1), ExpectMsg<HandshakeGateState>());
        b.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Holder_Dies_NextRequestGranted()
    {
        var gate = Sys.ActorOf(HandshakeGate.Props(1, TimeSpan.FromSeconds(30)));
        var holder = Sys.ActorOf(Kernel.Actor.Props.Create(() => new Requester(gate)));
        var b = CreateTestProbe();
        AwaitCondition(gate, held: 1);
        b.Send(gate, new RequestHandshakeSlot(1));

        Sys.Stop(holder);

        b.ExpectMsg<HandshakeSlotGranted>();
    }

    [Fact]
    public void Request_WithdrawnBeforeGrant_NeverGranted()
    {
        var gate = Sys.ActorOf(HandshakeGate.Props(1, TimeSpan.FromSeconds(30)));
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        a.Send(gate, new RequestHandshakeSlot(1));
        a.ExpectMsg<HandshakeSlotGranted>();
        b.Send(gate, new RequestHandshakeSlot(5));

        b.Send(gate, new ReleaseHandshakeSlot(5));
        a.Send(gate, new ReleaseHandshakeSlot(1));

        b.ExpectNoMsg(TimeSpan.FromSeconds(1));
        gate.Tell(GetHandshakeGateState.Instance, TestActor);
        Assert.Equal(new HandshakeGateState(0, 0), ExpectMsg<HandshakeGateState>());
    }

    private void AwaitCondition(Kernel.Actor.IActorRef gate, int held) =>
        AwaitAssert(() =>
        {
            gate.Tell(GetHandshakeGateState.Instance, TestActor);
            Assert.Equal(held, ExpectMsg<HandshakeGateState>().Held);
        });

    private sealed class Requester : Kernel.Actor.UntypedActor
    {
        public Requester(Kernel.Actor.IActorRef gate) => gate.Tell(new RequestHandshakeSlot(1), Self);

        protected override void OnReceive(object message)
        {
        }
    }
}
