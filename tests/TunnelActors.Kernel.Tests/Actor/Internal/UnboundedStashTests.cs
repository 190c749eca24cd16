using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class UnboundedStashTests : TestKit.TestKit
{
    [Fact]
    public void UnstashAll_StashedMessages_ComeBeforeQueuedOnesInOriginalOrder()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateActor(TestActor)), "gate");
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);
        actor.Tell("c", TestActor);

        actor.Tell("open", TestActor);
        actor.Tell("d", TestActor);

        Assert.Equal(["a", "b", "c", "d"], TestActor.ReceiveN(4));
    }

    [Fact]
    public void Stash_SameMessageTwice_ThrowsIllegalActorState()
    {
        var actor = Sys.ActorOf(Props.Create(() => new DoubleStashActor(TestActor)), "double");

        actor.Tell("x", TestActor);

        var message = ExpectMsg<string>();
        Assert.StartsWith("Can't stash the same message x more than once", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_WithStashedMessages_NewIncarnationReceivesThemFirst()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateActor(TestActor)), "gate");
        actor.Tell("a", TestActor);
        actor.Tell("b", TestActor);

        actor.Tell("fail", TestActor);
        actor.Tell("open", TestActor);

        Assert.Equal(["a", "b"], TestActor.ReceiveN(2));
    }

    [Fact]
    public void UnstashAllWithPredicate_OnlyMatchingReturnInOrder()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateActor(TestActor)), "gate");
        actor.Tell("a1", TestActor);
        actor.Tell("b1", TestActor);
        actor.Tell("a2", TestActor);

        actor.Tell("open-a", TestActor);
        actor.Tell("count", TestActor);

        Assert.Equal(["a1", "a2", 1], TestActor.ReceiveN(3));
    }

    /// <summary>Stashes until "open" (or "open-a"), then echoes.</summary>
    private sealed class GateActor(IActorRef report) : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "open":
                    Become(Open);
                    Stash.UnstashAll();
                    break;
                case "open-a":
                    Become(Open);
                    Stash.UnstashAll(e => ((string)e.Message).StartsWith('a'));
                    break;
                case "fail":
                    throw new InvalidOperationException("restart me");
                default:
                    Stash.Stash();
                    break;
            }
        }

        private void Open(object message)
        {
            if (message is "count")
            {
                report.Tell(Stash.Count, Self);
                return;
            }

            report.Tell(message, Self);
        }
    }

    private sealed class DoubleStashActor(IActorRef report) : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            Stash.Stash();
            try
            {
                Stash.Stash();
                report.Tell("no exception", Self);
            }
            catch (IllegalActorStateException ex)
            {
                report.Tell(ex.Message, Self);
            }
        }
    }
}
