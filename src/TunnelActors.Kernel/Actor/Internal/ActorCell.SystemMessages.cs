namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>System message dispatch, creation and termination.</summary>
internal sealed partial class ActorCell
{
    private bool _terminating;
    private bool _pendingTermination;

    private void ProcessSystemMessages()
    {
        while (Mailbox.HasSystemMessages)
        {
            var message = Mailbox.DrainSystemMessages();
            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (Mailbox.IsClosed)
                {
                    HandleDeadSystemMessage(message);
                }
                else
                {
                    try
                    {
                        ProcessSystemMessage(message);
                    }
                    catch (Exception ex)
                    {
                        HandleInvokeFailure(ex, (message as Failed)?.Child);
                    }
                }

                message = next;
            }
        }
    }

    private void ProcessSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateActor();
                break;
            case Recreate recreate:
                FaultRecreate(recreate.Cause);
                break;
            case Suspend:
                FaultSuspend();
                break;
            case Resume resume:
                FaultResume(resume.CausedByFailure);
                break;
            case Terminate:
                StartTerminate();
                break;
            case Watch watch:
                AddWatcher(watch.Watchee, watch.Watcher);
                break;
            case Unwatch unwatch:
                RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification);
                break;
            case Failed failed:
                HandleFailed(failed);
                break;
            case RunContinuation continuation:
                RunContinuation(continuation);
                break;
            case AsyncTaskCompleted completed:
                HandleTaskCompleted(completed.Task);
                break;
        }
    }

    /// <summary>A system message for an actor that already terminated: a Watch gets an immediate notification.</summary>
    private void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(Self) && !watch.Watcher.Equals(Self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: false));
        }
    }

    private void CreateActor()
    {
        try
        {
            var actor = NewActor();
            _actor = actor;
            actor.AroundPreStart();
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(new ActorInitializationException(Self, "Exception during creation", ex));
        }
    }

    private void StartTerminate()
    {
        if (_terminating)
        {
            return;
        }

        lock (this)
        {
            _terminating = true;
        }

        _pendingRecreateCause = null;
        StopReceiveTimeout();
        foreach (var child in ChildrenForStrategy())
        {
            Stop(child.Child);
        }

        if (StoppingChildrenCount == 0)
        {
            FinishTerminate();
        }
        else
        {
            _pendingTermination = true;
        }
    }

    private void FinishTerminate()
    {
        _pendingTermination = false;
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                _stash?.UnstashAllInternal();
                actor.AroundPostStop();
            }
        }
        catch (Exception ex)
        {
            KernelLog.PostStopFailed(System.KernelLogger, ex, Self.Path);
        }
        finally
        {
            EndIncarnation();
            Mailbox.Close();
            _actor = null;
            _behaviourStack = null;
            _awaitingTask = null;
            _parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
            TellWatchersWeDied();
            UnwatchWatchedActors();
            DrainToDeadLetters();
        }
    }

    private void DrainToDeadLetters()
    {
        while (Mailbox.TryDequeue(out var envelope))
        {
            System.DeadLetterRef.Publish(envelope.Message, envelope.Sender, Self);
        }
    }
}
