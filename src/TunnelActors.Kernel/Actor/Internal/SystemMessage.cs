namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>A kernel-internal message processed before user messages; linked intrusively in the mailbox's system stack.</summary>
/// <remarks>Each instance may be enqueued once only (it carries its own link).</remarks>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

/// <summary>Create the actor instance and run PreStart.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Restart (or retry creation) because of <paramref name="cause"/>.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages (counted; recursive to children).</summary>
internal sealed class Suspend : SystemMessage;

/// <summary>Undo one suspension; non-null cause means the actor resumes after a failure.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop the actor (after its children).</summary>
internal sealed class Terminate : SystemMessage;

/// <summary><paramref name="watcher"/> wants a notification when <paramref name="watchee"/> terminates.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary><paramref name="watcher"/> no longer wants a notification for <paramref name="watchee"/>.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>The actor terminated (sent to its parent and its watchers).</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>A child failed and is suspended until its parent decides.</summary>
internal sealed class Failed(IInternalActorRef child, Exception cause, long uid) : SystemMessage
{
    public IInternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>Runs a continuation of an async handler inside the actor.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state, object incarnation) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;

    public object Incarnation { get; } = incarnation;
}

/// <summary>The task an async handler returned has completed.</summary>
internal sealed class AsyncTaskCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
