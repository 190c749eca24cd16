using System.Diagnostics;
using System.Globalization;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Benchmarks.Kernel;

/// <summary>
/// Kernel suite: prints <c>pingpong_msgs_per_s</c>, <c>idle_actor_bytes</c> and <c>spawn_stop_per_s</c>.
/// Options: <c>--pairs N</c> (default 2 × cores), <c>--messages N</c> (ping-pong messages per pair, default 2,000,000).
/// </summary>
public static class KernelBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var pairs = Option(args, "--pairs", Environment.ProcessorCount * 2);
        var messagesPerPair = Option(args, "--messages", 2_000_000);

        await PingPong(pairs, messagesPerPair / 10).ConfigureAwait(false);
        var rate = await PingPong(pairs, messagesPerPair).ConfigureAwait(false);
        Print("pingpong_msgs_per_s", rate);

        Print("idle_actor_bytes", await IdleActorBytes(100_000).ConfigureAwait(false));

        await SpawnStop(10_000).ConfigureAwait(false);
        Print("spawn_stop_per_s", await SpawnStop(100_000).ConfigureAwait(false));
        return 0;
    }

    /// <summary>Pairs of actors bouncing a batch of in-flight messages; returns messages processed per second.</summary>
    private static async Task<double> PingPong(int pairs, int messagesPerPair)
    {
        await using var system = ActorSystem.Create("bench");
        var done = new CountdownEvent(pairs);
        const int inFlight = 200;
        var pingers = new List<IActorRef>();
        for (var i = 0; i < pairs; i++)
        {
            var pong = system.ActorOf(Props.Create(() => new PongActor()), $"pong{i}");
            pingers.Add(system.ActorOf(Props.Create(() => new PingActor(pong, messagesPerPair / 2, done)), $"ping{i}"));
        }

        var stopwatch = Stopwatch.StartNew();
        foreach (var ping in pingers)
        {
            ping.Tell(new Start(inFlight), null);
        }

        done.Wait();
        stopwatch.Stop();
        var total = (double)(messagesPerPair / 2 * 2) * pairs;
        return total / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Heap growth per started, idle actor.</summary>
    private static async Task<double> IdleActorBytes(int count)
    {
        await using var system = ActorSystem.Create("idle");
        var refs = new List<IActorRef>(count);
        var started = new CountdownEvent(count);
        var props = Props.Create(() => new IdleActor(started));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
        {
            refs.Add(system.ActorOf(props, "idle" + i.ToString(CultureInfo.InvariantCulture)));
        }

        started.Wait();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(refs);
        return (after - before) / (double)count;
    }

    /// <summary>Actors created and stopped (PostStop ran) per second.</summary>
    private static async Task<double> SpawnStop(int count)
    {
        await using var system = ActorSystem.Create("spawn");
        var stopped = new CountdownEvent(count);
        var props = Props.Create(() => new StoppingActor(stopped));
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            system.Stop(system.ActorOf(props));
        }

        stopped.Wait();
        stopwatch.Stop();
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    private static void Print(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F0}"));

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record Start(int InFlight);

    private sealed class Ball
    {
        public static readonly Ball Instance = new();
    }

    private sealed class PingActor(IActorRef pong, int rounds, CountdownEvent done) : UntypedActor
    {
        private int _received;
        private int _sent;

        protected override void OnReceive(object message)
        {
            if (message is Start start)
            {
                for (var i = 0; i < start.InFlight && _sent < rounds; i++)
                {
                    _sent++;
                    pong.Tell(Ball.Instance, Self);
                }

                return;
            }

            if (++_received == rounds)
            {
                done.Signal();
            }
            else if (_sent < rounds)
            {
                _sent++;
                pong.Tell(Ball.Instance, Self);
            }
        }
    }

    private sealed class PongActor : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    private sealed class IdleActor(CountdownEvent started) : UntypedActor
    {
        protected override void PreStart() => started.Signal();

        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class StoppingActor(CountdownEvent stopped) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }

        protected override void PostStop() => stopped.Signal();
    }
}
