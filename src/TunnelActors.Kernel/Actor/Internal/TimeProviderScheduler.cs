using System.Collections.Concurrent;

namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The system scheduler: one <see cref="TimeProvider"/> timer per scheduled tell, kept alive until it fires or is cancelled.</summary>
/// <remarks>System timers that are not referenced can be collected before they fire, hence the <see cref="_pending"/> set.</remarks>
internal sealed class TimeProviderScheduler(TimeProvider time) : IScheduler
{
    private readonly ConcurrentDictionary<Item, byte> _pending = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public int PendingCount => _pending.Count;

    public void ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender, ICancelable? cancelable = null) =>
        Schedule(delay, Timeout.InfiniteTimeSpan, receiver, message, sender, cancelable);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender, ICancelable? cancelable = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Schedule(initialDelay, interval, receiver, message, sender, cancelable);
    }

    /// <summary>Cancels everything still pending (the system terminated).</summary>
    public void CancelAll()
    {
        foreach (var item in _pending.Keys)
        {
            item.Remove();
        }
    }

    private void Schedule(TimeSpan delay, TimeSpan period, IActorRef receiver, object message, IActorRef? sender, ICancelable? cancelable)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        if (cancelable?.IsCancellationRequested == true)
        {
            return;
        }

        var item = new Item(this, receiver, message, sender, period != Timeout.InfiniteTimeSpan, cancelable);
        _pending.TryAdd(item, 0);
        item.Timer = time.CreateTimer(static s => ((Item)s!).Fire(), item, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
        if (cancelable is not null)
        {
            item.Registration = cancelable.Token.Register(static s => ((Item)s!).Remove(), item);
        }
    }

    private sealed class Item(TimeProviderScheduler owner, IActorRef receiver, object message, IActorRef? sender, bool repeated, ICancelable? cancelable)
    {
        public ITimer? Timer { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Fire()
        {
            if (cancelable?.IsCancellationRequested == true)
            {
                Remove();
                return;
            }

            if (!repeated)
            {
                Remove();
            }

            receiver.Tell(message, sender);
        }

        public void Remove()
        {
            if (owner._pending.TryRemove(this, out _))
            {
                Timer?.Dispose();
                Registration.Dispose();
            }
        }
    }
}
