namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>An actor's queues plus its scheduling state; runs on the ThreadPool only while it has work.</summary>
/// <remarks>
/// System messages live in an intrusive lock-free stack (reversed when drained), user messages in an MPSC queue.
/// A mailbox with nothing to do holds no thread and no task. At most one run is scheduled at a time
/// (<see cref="_status"/> CAS), which gives "one message at a time". Producers enqueue first, then try to schedule;
/// a run ends by clearing the flag and re-checking for work, so no message is left behind.
/// Runs go to the ThreadPool's global FIFO queue (preferLocal: false): the per-thread local queues are LIFO, and two
/// chatty actors bouncing messages through them starved every other mailbox (even system Terminate) for seconds.
/// </remarks>
internal sealed class Mailbox(ActorCell cell) : IThreadPoolWorkItem
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly MpscQueue _user = new();
    private SystemMessage? _systemStack;
    private int _status;
    private List<Envelope>? _prepended;
    private volatile bool _closed;

    /// <summary>True once the actor terminated: user messages go to dead letters.</summary>
    public bool IsClosed => _closed;

    public bool HasSystemMessages => Volatile.Read(ref _systemStack) is not null;

    /// <summary>True when a user message (or an unstashed one) waits.</summary>
    public bool HasUserMessages => !_user.IsEmpty || _prepended is { Count: > 0 };

    public void Post(in Envelope envelope)
    {
        if (_closed)
        {
            cell.System.DeadLetterRef.Publish(envelope.Message, envelope.Sender, cell.Self);
            return;
        }

        _user.Enqueue(envelope);

        // Fast path: already scheduled. Safe because the enqueue's tail exchange is a full fence and the run's end
        // re-check (after its own interlocked status reset) looks at the tail (MpscQueue.MayHaveItems).
        if (Volatile.Read(ref _status) == Idle)
        {
            Schedule();
        }
    }

    public void PostSystem(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemStack);
            message.Next = head;
            if (Interlocked.CompareExchange(ref _systemStack, message, head) == head)
            {
                break;
            }
        }

        Schedule();
    }

    /// <summary>Takes every pending system message, oldest first (consumer only).</summary>
    public SystemMessage? DrainSystemMessages()
    {
        var stack = Interlocked.Exchange(ref _systemStack, null);
        SystemMessage? reversed = null;
        while (stack is not null)
        {
            var next = stack.Next;
            stack.Next = reversed;
            reversed = stack;
            stack = next;
        }

        return reversed;
    }

    /// <summary>Next user message: unstashed ones first (consumer only).</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 } prepended)
        {
            envelope = prepended[^1];
            prepended.RemoveAt(prepended.Count - 1);
            return true;
        }

        return _user.TryDequeue(out envelope);
    }

    /// <summary>Puts <paramref name="envelopes"/> in front of the queue, keeping their order (consumer only).</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        _prepended ??= new List<Envelope>(envelopes.Count);
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            _prepended.Add(envelopes[i]);
        }
    }

    /// <summary>Marks the mailbox closed (consumer only); the caller drains it.</summary>
    public void Close() => _closed = true;

    public void Schedule()
    {
        if (Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            cell.System.IdleTracker?.Increment();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            cell.Run();
        }
        finally
        {
            Interlocked.Exchange(ref _status, Idle);
            if (HasSystemMessages || ((_user.MayHaveItems || _prepended is { Count: > 0 }) && (_closed || cell.CanProcessUserMessages)))
            {
                Schedule();
            }

            // Decrement after the re-check so an idle count of zero is never observed while work is pending.
            cell.System.IdleTracker?.Decrement();
        }
    }
}
