using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>The global cap on ssh processes connecting at once (SupervisorSettings.MaxConcurrentHandshakes).</summary>
/// <remarks>
/// A mass reconnect of hundreds of tunnels must stay below sshd's MaxStartups (default 10:30:100, sshd_config(5)), or sshd
/// drops connections at random. A tunnel asks for a slot before it starts ssh and returns it once connected, exited
/// or stopped; a slot held longer than the handshake timeout is taken back. Requests are granted first come, first
/// served. Holders and requesters are watched, so a tunnel that dies gives its slot back.
/// </remarks>
internal sealed class HandshakeGate : UntypedActor, IWithTimers
{
    private readonly int _capacity;
    private readonly TimeSpan _holdTimeout;
    private readonly Dictionary<IActorRef, long> _holders = [];
    private readonly LinkedList<(IActorRef Requester, long Ticket)> _waiting = new();
    private readonly HashSet<IActorRef> _watched = [];

    public HandshakeGate(int capacity, TimeSpan holdTimeout)
    {
        _capacity = capacity <= 0 ? int.MaxValue : capacity;
        _holdTimeout = holdTimeout;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(int capacity, TimeSpan holdTimeout) => Kernel.Actor.Props.Create(() => new HandshakeGate(capacity, holdTimeout));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RequestHandshakeSlot request:
                OnRequest(Sender, request.Ticket);
                break;
            case ReleaseHandshakeSlot release:
                OnRelease(Sender, release.Ticket);
                break;
            case HandshakeSlotExpired expired:
                OnRelease(expired.Holder, expired.Ticket);
                break;
            case Terminated terminated:
                _watched.Remove(terminated.ActorRef);
                Forget(terminated.ActorRef);
                GrantWaiting();
                break;
            case GetHandshakeGateState:
                Sender.Tell(new HandshakeGateState(_holders.Count, _waiting.Count), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnRequest(IActorRef requester, long ticket)
    {
        if (_watched.Add(requester))
        {
            Context.Watch(requester);
        }

        Forget(requester);
        _waiting.AddLast((requester, ticket));
        GrantWaiting();
    }

    private void OnRelease(IActorRef holder, long ticket)
    {
        if (_holders.TryGetValue(holder, out var held) && held == ticket)
        {
            _holders.Remove(holder);
            Timers.Cancel(holder);
        }
        else
        {
            RemoveWaiting(holder, ticket);
        }

        GrantWaiting();
    }

    private void GrantWaiting()
    {
        while (_holders.Count < _capacity && _waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            var (requester, ticket) = first.Value;
            _holders[requester] = ticket;
            Timers.StartSingleTimer(requester, new HandshakeSlotExpired(requester, ticket), _holdTimeout);
            requester.Tell(new HandshakeSlotGranted(ticket), Self);
        }
    }

    private void Forget(IActorRef actor)
    {
        if (_holders.Remove(actor))
        {
            Timers.Cancel(actor);
        }

        RemoveWaiting(actor, ticket: null);
    }

    private void RemoveWaiting(IActorRef requester, long? ticket)
    {
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Requester.Equals(requester) && (ticket is null || node.Value.Ticket == ticket))
            {
                _waiting.Remove(node);
            }

            node = next;
        }
    }
}
