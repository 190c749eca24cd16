namespace TunnelActors.Kernel.Actor;

/// <summary>An actor whose behaviour is a list of typed handlers registered in its constructor (first match wins).</summary>
/// <remarks>
/// <c>ReceiveAsync</c> handlers hold the mailbox until their task completes (see <see cref="ActorBase.RunTask"/>).
/// <see cref="Become(Action)"/> swaps in handlers registered by the given configure action.
/// </remarks>
public abstract class ReceiveActor : ActorBase
{
    private List<Handler> _handlers = [];

    /// <summary>Handles messages of type <typeparamref name="T"/> (optionally only those matching <paramref name="shouldHandle"/>).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(new Handler(m => m is T t && (shouldHandle is null || shouldHandle(t)), m => handler((T)m)));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously; the next message waits for the task.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(new Handler(m => m is T t && (shouldHandle is null || shouldHandle(t)), m => RunTask(() => handler((T)m))));
    }

    /// <summary>Handles any message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(new Handler(static _ => true, handler));
    }

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _handlers;
        _handlers = [];
        try
        {
            configure();
            var handlers = _handlers;
            Become(m => Dispatch(handlers, m));
        }
        finally
        {
            _handlers = previous;
        }
    }

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message) => Dispatch(_handlers, message);

    private static bool Dispatch(List<Handler> handlers, object message)
    {
        foreach (var handler in handlers)
        {
            if (handler.Matches(message))
            {
                handler.Handle(message);
                return true;
            }
        }

        return false;
    }

    private sealed record Handler(Func<object, bool> Matches, Action<object> Handle);
}
