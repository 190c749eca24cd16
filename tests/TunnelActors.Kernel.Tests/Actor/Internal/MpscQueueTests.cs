using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class MpscQueueTests
{
    [Fact]
    public async Task Enqueue_FourProducers_EveryMessageOnceAndInOrderPerProducer()
    {
        var queue = new MpscQueue();
        const int perProducer = 50_000;
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                queue.Enqueue(new Envelope((p, i), null));
            }
        })).ToArray();

        var next = new int[4];
        var total = 0;
        while (total < 4 * perProducer)
        {
            if (queue.TryDequeue(out var envelope))
            {
                var (p, i) = ((int, int))envelope.Message;
                Assert.Equal(next[p], i);
                next[p]++;
                total++;
            }
        }

        await Task.WhenAll(producers);
        Assert.True(queue.IsEmpty);
        Assert.All(next, n => Assert.Equal(perProducer, n));
    }

    [Fact]
    public void TryDequeue_Empty_ReturnsFalse()
    {
        var queue = new MpscQueue();

        Assert.False(queue.TryDequeue(out _));
        Assert.True(queue.IsEmpty);
    }
}
