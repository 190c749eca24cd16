using System.Collections.Concurrent;
using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.TestKit;

/// <summary>
/// An actor reference whose messages go to a queue the test reads (<c>ExpectMsg</c>, <c>ExpectNoMsg</c>, ...).
/// It is itself an <see cref="IActorRef"/>: pass it as sender or tell it messages.
/// </summary>
/// <remarks>
/// Delivery is synchronous (no mailbox, no thread), so the probe never adds latency. Waits use a real-time safety
/// timeout (<see cref="DefaultTimeout"/>); <see cref="ExpectNoMsg(TimeSpan)"/> uses virtual time when the system runs on a
/// <see cref="Time.ManualTimeProvider"/>. See TestProbe.Expect.cs for the assertions.
/// </remarks>
public sealed partial class TestProbe : IInternalActorRef, IActorRefWithSystem
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly ConcurrentDictionary<IActorRef, byte> _watching = new();
    private readonly VirtualTime? _virtualTime;
    private volatile Func<object, bool>? _ignore;

    internal TestProbe(ActorSystem system, string name, VirtualTime? virtualTime, TimeSpan defaultTimeout)
    {
        Sys = system;
        _virtualTime = virtualTime;
        DefaultTimeout = defaultTimeout;
        Path = system.SystemPath.Child(name, system.NextUid());
    }

    /// <summary>The system the probe belongs to.</summary>
    public ActorSystem Sys { get; }

    ActorSystem IActorRefWithSystem.System => Sys;

    /// <summary>The probe as a plain reference.</summary>
    public IActorRef Ref => this;

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <summary>Real-time safety timeout of the Expect methods when none is given.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>Sender of the last message received (dead letters before the first).</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The last message received, or null.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Number of messages waiting to be received.</summary>
    public int MessageCount => _queue.Count;

    /// <summary>True when at least one message waits.</summary>
    public bool HasMessages => !_queue.IsEmpty;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_ignore is { } ignore && ignore(message))
        {
            return;
        }

        _queue.Enqueue(new Envelope(message, sender ?? Sys.DeadLetters));
        _available.Release();
    }

    void IInternalActorRef.SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification && _watching.TryRemove(notification.Actor, out _))
        {
            Tell(new Terminated(notification.Actor, notification.ExistenceConfirmed, AddressTerminated: false), notification.Actor);
        }
    }

    /// <summary>Makes the probe receive a <see cref="Terminated"/> when <paramref name="actor"/> dies.</summary>
    public IActorRef Watch(IActorRef actor)
    {
        if (actor is IInternalActorRef target && _watching.TryAdd(actor, 0))
        {
            target.SendSystemMessage(new Watch(target, this));
        }

        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        if (actor is IInternalActorRef target && _watching.TryRemove(actor, out _))
        {
            target.SendSystemMessage(new Unwatch(target, this));
        }

        return actor;
    }

    /// <summary>Drops incoming messages matching <paramref name="ignore"/> (null: ignore nothing); already queued ones stay.</summary>
    public void IgnoreMessages(Func<object, bool>? ignore) => _ignore = ignore;

    /// <summary>Drops incoming messages of type <typeparamref name="T"/>.</summary>
    public void IgnoreMessages<T>() => _ignore = static m => m is T;

    /// <summary>Tells <paramref name="message"/> to <paramref name="actor"/> with the probe as sender.</summary>
    public void Send(IActorRef actor, object message) => actor.Tell(message, this);

    /// <summary>Tells <paramref name="message"/> (default: the last message) to <paramref name="actor"/>, keeping <see cref="LastSender"/> as sender.</summary>
    public void Forward(IActorRef actor, object? message = null) =>
        actor.Tell(message ?? LastMessage ?? throw new InvalidOperationException("No message received yet."), LastSender);

    /// <summary>Replies <paramref name="message"/> to <see cref="LastSender"/>, with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, this);

    /// <summary>Receives the next message within <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>), or null.</summary>
    public object? ReceiveOne(TimeSpan? timeout = null) =>
        _available.Wait(timeout ?? DefaultTimeout) ? Take().Message : null;

    /// <summary>Async twin of <see cref="ReceiveOne"/>.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? timeout = null) =>
        await _available.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false) ? Take().Message : null;

    /// <summary>Receives the next message if one is already queued.</summary>
    public bool TryReceiveOne(out Envelope envelope)
    {
        if (_available.Wait(TimeSpan.Zero))
        {
            envelope = Take();
            return true;
        }

        envelope = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => Path.Uid.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"[{Path.ToStringWithUid()}]";

    private Envelope Take()
    {
        if (!_queue.TryDequeue(out var envelope))
        {
            throw new InvalidOperationException("Probe queue out of sync with its semaphore.");
        }

        LastSender = envelope.Sender ?? Sys.DeadLetters;
        LastMessage = envelope.Message;
        return envelope;
    }
}
