namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Unbounded lock-free multi-producer single-consumer FIFO (Vyukov's linked queue), holding only a stub when empty.</summary>
/// <remarks>
/// Enqueue is one <see cref="Interlocked.Exchange{T}(ref T, T)"/>; between the exchange and the link a message is not yet
/// visible to the consumer, which is fine because the producer schedules the mailbox only after linking.
/// FIFO per producer, which gives Akka's per sender–receiver ordering.
/// </remarks>
internal sealed class MpscQueue
{
    private Node _head;
    private Node _tail;

    public MpscQueue()
    {
        _head = _tail = new Node(default);
    }

    /// <summary>True when the consumer would find nothing (a message still being linked counts as absent).</summary>
    public bool IsEmpty => Volatile.Read(ref _head.Next) is null;

    /// <summary>
    /// Consumer only: true if a producer has at least started an enqueue (its tail exchange is visible even while the
    /// link is not). Used for the end-of-run re-check, which pairs with the producer's tail exchange (both full fences).
    /// </summary>
    public bool MayHaveItems => !ReferenceEquals(Volatile.Read(ref _tail), _head);

    public void Enqueue(in Envelope envelope)
    {
        var node = new Node(envelope);
        var previous = Interlocked.Exchange(ref _tail, node);
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>Consumer only.</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        envelope = next.Value;
        next.Value = default;
        _head = next;
        return true;
    }

    private sealed class Node(Envelope value)
    {
        public Envelope Value = value;
        public Node? Next;
    }
}
