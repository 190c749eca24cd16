namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Async handlers: the mailbox holds user messages until the handler's task completes; continuations run inside the actor.</summary>
internal sealed partial class ActorCell
{
    private Task? _awaitingTask;
    private ActorSynchronizationContext? _synchronizationContext;

    public void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_awaitingTask is not null)
        {
            throw new InvalidOperationException("RunTask is already awaiting a task for the current message.");
        }

        var previous = SynchronizationContext.Current;
        var context = _synchronizationContext;
        if (context is null || !ReferenceEquals(context.Incarnation, _actor))
        {
            context = _synchronizationContext = new ActorSynchronizationContext(this, _actor!);
        }

        Task task;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            task = action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        _awaitingTask = task;
        task.ContinueWith(
            static (t, state) => ((ActorCell)state!).Mailbox.PostSystem(new AsyncTaskCompleted(t)),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuation(RunContinuation continuation)
    {
        if (!ReferenceEquals(continuation.Incarnation, _actor) || _synchronizationContext is null)
        {
            return;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_synchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void HandleTaskCompleted(Task task)
    {
        if (!ReferenceEquals(task, _awaitingTask))
        {
            return;
        }

        _awaitingTask = null;
        if (task.IsFaulted || task.IsCanceled)
        {
            var cause = task.Exception?.InnerException ?? new TaskCanceledException(task);
            HandleInvokeFailure(cause);
        }

        _current = default;
    }
}
