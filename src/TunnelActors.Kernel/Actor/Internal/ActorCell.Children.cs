using System.Globalization;

namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The children table: names are reserved from creation until the parent processes the child's termination.</summary>
internal sealed partial class ActorCell
{
    private Dictionary<string, ChildRestartStats>? _children;
    private int _stoppingChildren;
    private long _nextChildName;

    private int StoppingChildrenCount
    {
        get
        {
            lock (this)
            {
                return _stoppingChildren;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = "$" + Interlocked.Increment(ref _nextChildName).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            ValidateName(name);
        }

        return ActorOfInternal(props, name);
    }

    public IActorRef ActorOfInternal(Props props, string name)
    {
        var child = new ActorCell(System, Self.Path.Child(name, System.NextUid()), props, Self);
        lock (this)
        {
            if (_terminating)
            {
                throw new InvalidOperationException($"Cannot create child \"{name}\": {Self.Path} is terminating.");
            }

            _children ??= new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal);
            if (!_children.TryAdd(name, new ChildRestartStats(child.Self)))
            {
                throw new InvalidActorNameException($"Actor name \"{name}\" is not unique!");
            }
        }

        child.Start();
        return child.Self;
    }

    public IActorRef Child(string name)
    {
        lock (this)
        {
            return _children is not null && _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
        }
    }

    public IReadOnlyList<IActorRef> GetChildren()
    {
        lock (this)
        {
            return _children is null ? [] : _children.Values.Select(s => (IActorRef)s.Child).ToList();
        }
    }

    public void Stop(IActorRef actor)
    {
        if (actor is not IInternalActorRef target)
        {
            return;
        }

        lock (this)
        {
            if (_children is not null && _children.TryGetValue(actor.Path.Name, out var stats) && stats.Child.Equals(actor) && !stats.Stopping)
            {
                stats.Stopping = true;
                _stoppingChildren++;
            }
        }

        target.SendSystemMessage(new Terminate());
    }

    /// <summary>Children not being stopped, as the supervisor strategy sees them.</summary>
    private List<ChildRestartStats> ChildrenForStrategy()
    {
        lock (this)
        {
            return _children is null ? [] : _children.Values.Where(s => !s.Stopping).ToList();
        }
    }

    private ChildRestartStats? FindChild(IActorRef actor)
    {
        lock (this)
        {
            return _children is not null && _children.TryGetValue(actor.Path.Name, out var stats) && stats.Child.Equals(actor) ? stats : null;
        }
    }

    /// <summary>Frees the child's name; finishes a pending stop or restart once the last stopping child is gone.</summary>
    private void HandleChildTerminated(IActorRef actor)
    {
        int stillStopping;
        lock (this)
        {
            if (_children is null || !_children.TryGetValue(actor.Path.Name, out var stats) || !stats.Child.Equals(actor))
            {
                return;
            }

            _children.Remove(actor.Path.Name);
            if (stats.Stopping)
            {
                _stoppingChildren--;
            }

            stillStopping = _stoppingChildren;
        }

        if (stillStopping > 0)
        {
            return;
        }

        if (_pendingTermination)
        {
            FinishTerminate();
        }
        else if (_pendingRecreateCause is { } cause)
        {
            FinishRecreate(cause);
        }
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || name[0] == '$' || name.Any(c => c == '/' || c == '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new InvalidActorNameException(
                $"Illegal actor name [{name}]: it must not be empty, start with '$', or contain '/', '#' or whitespace.");
        }
    }
}
