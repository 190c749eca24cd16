using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Event;

/// <summary>The system-wide publish/subscribe bus (dead letters, unhandled messages, ...), matched by type.</summary>
/// <remarks>Subscriptions are copy-on-write; publishing is lock-free and tells each matching actor, or calls each matching handler synchronously.</remarks>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Makes <paramref name="subscriber"/> receive every published event assignable to <paramref name="channel"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (_subscriptions.Any(s => s.Channel == channel && subscriber.Equals(s.Actor)))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, new Subscription(channel, subscriber, null)];
            return true;
        }
    }

    /// <summary>Calls <paramref name="handler"/> (on the publishing thread) for each event of type <typeparamref name="T"/>; dispose to unsubscribe.</summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(T), null, e => handler((T)e));
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return new Unsubscriber(this, subscription);
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber) => Remove(s => subscriber.Equals(s.Actor));

    /// <summary>Removes the subscription of <paramref name="subscriber"/> to <paramref name="channel"/>.</summary>
    public void Unsubscribe(IActorRef subscriber, Type channel) => Remove(s => s.Channel == channel && subscriber.Equals(s.Actor));

    /// <summary>Delivers <paramref name="event"/> to every subscriber of a matching type.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var s in Volatile.Read(ref _subscriptions))
        {
            if (!s.Channel.IsInstanceOfType(@event))
            {
                continue;
            }

            if (s.Actor is not null)
            {
                s.Actor.Tell(@event, null);
            }
            else
            {
                s.Handler!(@event);
            }
        }
    }

    private void Remove(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => !match(s)).ToArray();
        }
    }

    private sealed record Subscription(Type Channel, IActorRef? Actor, Action<object>? Handler);

    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => stream.Remove(s => ReferenceEquals(s, subscription));
    }
}
