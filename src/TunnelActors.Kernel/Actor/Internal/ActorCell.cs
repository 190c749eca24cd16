namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>
/// The runtime side of one actor: its mailbox run loop, current message, behaviour stack and lifecycle state.
/// Split by concern: Children, DeathWatch, FaultHandling, SystemMessages, Async, Timers.
/// </summary>
/// <remarks>
/// All mutable state is touched only by the thread running the mailbox (one at a time), except the children table,
/// which <see cref="ActorSystem.ActorOf"/> may use from outside and is therefore guarded by a lock.
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly IInternalActorRef _parent;
    private readonly int _throughput;
    private ActorBase? _actor;
    private ActorBase? _claimedInstance;
    private Envelope _current;
    private bool _currentStashed;
    private List<Receive>? _behaviourStack;

    public ActorCell(ActorSystem system, ActorPath path, Props props, IInternalActorRef parent)
    {
        System = system;
        Props = props;
        _parent = parent;
        _throughput = Math.Max(1, system.Settings.Throughput);
        Self = new LocalActorRef(this, path);
        Mailbox = new Mailbox(this);
    }

    /// <summary>The cell whose mailbox runs on this thread, if any.</summary>
    public static ActorCell? Current => t_current;

    public ActorSystem System { get; }

    public Props Props { get; }

    public LocalActorRef Self { get; }

    public Mailbox Mailbox { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Parent => _parent;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    /// <summary>User messages may run: created, not suspended, not stopping, not awaiting an async handler.</summary>
    public bool CanProcessUserMessages => _suspendCount == 0 && _awaitingTask is null && !_terminating && _actor is not null;

    public void Start() => Mailbox.PostSystem(new Create());

    /// <summary>Called by the <see cref="ActorBase"/> constructor to bind the instance being created to this cell.</summary>
    public void ClaimInstance(ActorBase actor) => _claimedInstance ??= actor;

    /// <summary>One mailbox run: system messages, then up to <c>Throughput</c> user messages, re-checking system messages after each.</summary>
    public void Run()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            ProcessSystemMessages();
            var budget = _throughput;
            while (budget-- > 0 && CanProcessUserMessages && Mailbox.TryDequeue(out var envelope))
            {
                Invoke(envelope);
                if (Mailbox.HasSystemMessages)
                {
                    ProcessSystemMessages();
                }
            }

            if (Mailbox.IsClosed)
            {
                DrainToDeadLetters();
            }
        }
        finally
        {
            t_current = previous;
        }
    }

    private void Invoke(Envelope envelope)
    {
        _current = envelope;
        _currentStashed = false;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(envelope);
            }
            else
            {
                ReceiveMessage(envelope.Message);
            }

            if (_receiveTimeout is not null && _current.Message is not INotInfluenceReceiveTimeout)
            {
                ResetReceiveTimeout();
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex);
        }

        if (_awaitingTask is null)
        {
            _current = default;
        }
    }

    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var handled = _behaviourStack is { Count: > 0 } stack ? stack[^1](message) : actor.Receive(message);
        if (!handled)
        {
            actor.Unhandled(message);
        }
    }

    private void AutoReceiveMessage(Envelope envelope)
    {
        switch (envelope.Message)
        {
            case TimerScheduler.TimerEntry entry:
                if (_timers is not null && _timers.Accept(entry))
                {
                    Deliver(entry.Message, envelope.Sender);
                }

                break;
            case TerminatedDelivery delivery:
                if (_terminatedQueued is not null && _terminatedQueued.Remove(delivery.Actor))
                {
                    Deliver(delivery.Message, delivery.Actor);
                }

                break;
            case ReceiveTimeoutTick tick:
                if (ReferenceEquals(tick, _receiveTimeoutTick))
                {
                    Deliver(Actor.ReceiveTimeout.Instance, null);
                    ResetReceiveTimeout();
                }

                break;
            case PoisonPill:
                Stop(Self);
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            default:
                ReceiveMessage(envelope.Message);
                break;
        }
    }

    private void Deliver(object message, IActorRef? sender)
    {
        _current = new Envelope(message, sender);
        ReceiveMessage(message);
    }

    private ActorBase NewActor()
    {
        _behaviourStack?.Clear();
        _claimedInstance = null;
        var actor = Props.NewActor();
        if (!ReferenceEquals(actor, _claimedInstance))
        {
            throw new InvalidOperationException($"The factory of {Props} must return a new instance on every call.");
        }

        _claimedInstance = null;
        if (actor is IWithUnboundedStash withStash)
        {
            withStash.Stash = _stash ??= new UnboundedStash(this);
        }

        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = Timers;
        }

        return actor;
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviourStack ??= [];
        if (_behaviourStack.Count > 0)
        {
            _behaviourStack.RemoveAt(_behaviourStack.Count - 1);
        }

        _behaviourStack.Add(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviourStack ??= []).Add(receive);
    }

    public void UnbecomeStacked()
    {
        if (_behaviourStack is { Count: > 0 })
        {
            _behaviourStack.RemoveAt(_behaviourStack.Count - 1);
        }
    }

    public override string ToString() => $"ActorCell({Self.Path})";
}
