namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>The stash of one actor; unstashed messages go in front of the mailbox in their original order.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stash = [];

    public int Count => _stash.Count;

    public void Stash() => _stash.Add(cell.StashCurrent());

    public void Unstash()
    {
        if (_stash.Count == 0)
        {
            return;
        }

        var first = _stash[0];
        _stash.RemoveAt(0);
        cell.Mailbox.Prepend([first]);
    }

    public void UnstashAll() => UnstashAllInternal();

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = new List<Envelope>();
        var kept = new List<Envelope>();
        foreach (var envelope in _stash)
        {
            (predicate(envelope) ? selected : kept).Add(envelope);
        }

        _stash.Clear();
        _stash.AddRange(kept);
        cell.Mailbox.Prepend(selected);
    }

    public IReadOnlyList<Envelope> ClearStash()
    {
        var copy = _stash.ToList();
        _stash.Clear();
        return copy;
    }

    /// <summary>Prepends everything (also used by the kernel before a restart or stop).</summary>
    public void UnstashAllInternal()
    {
        cell.Mailbox.Prepend(_stash);
        _stash.Clear();
    }
}
