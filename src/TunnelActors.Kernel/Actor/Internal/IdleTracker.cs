namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Counts scheduled or running mailboxes so tests can wait until every actor is idle (quiescence).</summary>
/// <remarks>Enabled only by <see cref="ActorSystemSettings.TrackIdle"/>; it costs two interlocked operations per mailbox run.</remarks>
internal sealed class IdleTracker
{
    private int _busy;

    public bool IsIdle => Volatile.Read(ref _busy) == 0;

    public void Increment() => Interlocked.Increment(ref _busy);

    public void Decrement() => Interlocked.Decrement(ref _busy);
}
