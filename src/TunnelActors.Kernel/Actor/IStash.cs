namespace TunnelActors.Kernel.Actor;

/// <summary>Puts the current message aside and later back in front of the mailbox.</summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the current message and its sender.</summary>
    /// <exception cref="IllegalActorStateException">The current message was already stashed.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts every stashed message in front of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages matching <paramref name="predicate"/> in front of the mailbox, in order.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IReadOnlyList<Envelope> ClearStash();
}
