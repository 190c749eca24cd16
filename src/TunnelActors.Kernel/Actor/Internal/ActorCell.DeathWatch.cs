namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Watch/unwatch and the Terminated notifications.</summary>
/// <remarks>
/// The parent always learns of a child's death (to free its name) before any Terminated for it is enqueued.
/// A Terminated is queued as an ordinary message, so it arrives after the messages the dead actor sent earlier;
/// <see cref="Unwatch"/> removes it from <see cref="_terminatedQueued"/>, so a queued one is dropped.
/// </remarks>
internal sealed partial class ActorCell
{
    private Dictionary<IActorRef, object?>? _watching;
    private HashSet<IActorRef>? _watchedBy;
    private HashSet<IActorRef>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchInternal(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchInternal(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        if (_watching is not null && _watching.Remove(subject) && subject is IInternalActorRef target && !subject.Equals(Self))
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchInternal(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is not IInternalActorRef target || subject.Equals(Self))
        {
            return subject;
        }

        _watching ??= [];
        if (_watching.ContainsKey(subject))
        {
            _watching[subject] = message;
            return subject;
        }

        _watching[subject] = message;
        target.SendSystemMessage(new Watch(target, Self));
        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self) && !watcher.Equals(Self))
        {
            (_watchedBy ??= []).Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _watchedBy?.Remove(watcher);
        }
    }

    private void HandleDeathWatchNotification(DeathWatchNotification notification)
    {
        HandleChildTerminated(notification.Actor);
        if (_terminating || _watching is null || !_watching.Remove(notification.Actor, out var custom))
        {
            return;
        }

        (_terminatedQueued ??= []).Add(notification.Actor);
        var message = custom ?? new Terminated(notification.Actor, notification.ExistenceConfirmed, AddressTerminated: false);
        Mailbox.Post(new Envelope(new TerminatedDelivery(notification.Actor, message), notification.Actor));
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            if (!watcher.Equals(_parent) && watcher is IInternalActorRef target)
            {
                target.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            }
        }

        _watchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is not null)
        {
            foreach (var watchee in _watching.Keys)
            {
                if (watchee is IInternalActorRef target)
                {
                    target.SendSystemMessage(new Unwatch(target, Self));
                }
            }
        }

        _watching = null;
        _terminatedQueued = null;
    }
}
