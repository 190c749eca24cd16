using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class ActorSystemStressTests : TestKit.TestKit
{
    [Fact]
    public async Task TenThousandActors_HundredMessagesFromFourSenders_ExactlyOnceInPerSenderOrder()
    {
        const int actors = 10_000;
        const int senders = 4;
        const int perSender = 25;
        var stats = new ReceiverStats(actors);
        var refs = Enumerable.Range(0, actors).Select(i => Sys.ActorOf(Props.Create(() => new OrderChecker(i, senders, stats)), $"r{i}")).ToArray();
        var senderRefs = Enumerable.Range(0, senders).Select(_ => CreateTestProbe()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(() =>
        {
            for (var seq = 0; seq < perSender; seq++)
            {
                foreach (var actor in refs)
                {
                    actor.Tell(new Numbered(s, seq), senderRefs[s]);
                }
            }
        })));
        await AwaitIdleAsync();

        Assert.Equal(0, stats.Violations);
        Assert.All(stats.Received, count => Assert.Equal(senders * perSender, count));
    }

    [Theory]
    [InlineData(-1, 1000, 0)]
    [InlineData(0, 0, 1000)]
    public async Task ThousandChildrenFailAtOnce_AllHandledPerPolicy(int maxNrOfRetries, int expectedRestarts, int expectedStops)
    {
        const int children = 1000;
        var counters = new int[2];
        var strategy = new OneForOneStrategy(maxNrOfRetries, null, SupervisorStrategy.DefaultDecider);
        var holder = Sys.ActorOf(Props.Create(() => new Holder(children, counters)).WithSupervisorStrategy(strategy), "holder");
        holder.Tell("spawn", TestActor);
        var kids = ExpectMsg<IReadOnlyList<IActorRef>>();
        await AwaitIdleAsync();

        await Task.WhenAll(kids.Chunk(250).Select(chunk => Task.Run(() =>
        {
            foreach (var kid in chunk)
            {
                kid.Tell("fail", TestActor);
            }
        })));
        await AwaitIdleAsync();

        Assert.Equal(expectedRestarts, Volatile.Read(ref counters[0]));
        Assert.Equal(expectedStops, Volatile.Read(ref counters[1]) - expectedRestarts);
        holder.Tell("count", TestActor);
        Assert.Equal(children - expectedStops, ExpectMsg<int>());
    }

    [Fact]
    public async Task Terminate_MidMessageStorm_EveryPostStopRanAndNothingRunsAfterwards()
    {
        var counters = new StormCounters();
        var roots = Enumerable.Range(0, 50).Select(i => Sys.ActorOf(Props.Create(() => new StormActor(counters, depth: 2)), $"storm{i}")).ToList();
        foreach (var root in roots)
        {
            root.Tell("go", null);
        }

        await AwaitConditionAsync(() => Volatile.Read(ref counters.Messages) > 200_000 && Volatile.Read(ref counters.Started) == 650);

        await Sys.Terminate().WaitAsync(DefaultTimeout);

        Assert.Equal(Volatile.Read(ref counters.Started), Volatile.Read(ref counters.Stopped));
        Assert.Equal(50 * (1 + 3 + 9), Volatile.Read(ref counters.Started));
        var afterTermination = Volatile.Read(ref counters.Messages);
        await AwaitIdleAsync();
        Assert.Equal(afterTermination, Volatile.Read(ref counters.Messages));
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed class ReceiverStats(int actors)
    {
        public int Violations;

        public int[] Received { get; } = new int[actors];
    }

    private sealed class OrderChecker(int index, int senders, ReceiverStats stats) : UntypedActor
    {
        private readonly int[] _next = new int[senders];

        protected override void OnReceive(object message)
        {
            var numbered = (Numbered)message;
            if (_next[numbered.Sender] != numbered.Sequence)
            {
                Interlocked.Increment(ref stats.Violations);
            }

            _next[numbered.Sender] = numbered.Sequence + 1;
            stats.Received[index]++;
        }
    }

    /// <summary>counters[0] = restarts, counters[1] = PostStop calls (a restart also runs PostStop).</summary>
    private sealed class Fragile(int[] counters) : UntypedActor
    {
        protected override void OnReceive(object message) => throw new InvalidOperationException("fragile");

        protected override void PostRestart(Exception reason) => Interlocked.Increment(ref counters[0]);

        protected override void PostStop() => Interlocked.Increment(ref counters[1]);
    }

    private sealed class Holder(int children, int[] counters) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "spawn":
                    for (var i = 0; i < children; i++)
                    {
                        Context.ActorOf(Props.Create(() => new Fragile(counters)), $"c{i}");
                    }

                    Sender.Tell(Context.GetChildren(), Self);
                    break;
                case "count":
                    Sender.Tell(Context.GetChildren().Count, Self);
                    break;
            }
        }
    }

    private sealed class StormCounters
    {
        public int Started;
        public int Stopped;
        public long Messages;
    }

    /// <summary>Creates three children per level and keeps messages bouncing between parent and children forever.</summary>
    private sealed class StormActor(StormCounters counters, int depth) : UntypedActor
    {
        private readonly List<IActorRef> _children = [];

        protected override void PreStart()
        {
            Interlocked.Increment(ref counters.Started);
            if (depth > 0)
            {
                for (var i = 0; i < 3; i++)
                {
                    _children.Add(Context.ActorOf(Props.Create(() => new StormActor(counters, depth - 1)), $"c{i}"));
                }
            }
        }

        protected override void PostStop() => Interlocked.Increment(ref counters.Stopped);

        protected override void OnReceive(object message)
        {
            Interlocked.Increment(ref counters.Messages);
            if (_children.Count == 0 || _children.Contains(Sender))
            {
                Sender.Tell("bounce", Self);
                return;
            }

            foreach (var child in _children)
            {
                child.Tell("bounce", Self);
            }
        }
    }
}
