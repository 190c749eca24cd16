namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Failure, suspension, resumption and restart (Akka's FaultHandling), in Akka's order.</summary>
/// <remarks>
/// A failing actor suspends itself and its children and sends <see cref="Failed"/> to its parent; the parent's strategy
/// answers with Resume, Recreate or Terminate. Restart: old PreRestart (default stops children, then PostStop), wait for
/// those children to terminate, new instance, PostRestart (default PreStart), restart the surviving children, resume.
/// The mailbox is kept; the failing message is not redelivered.
/// </remarks>
internal sealed partial class ActorCell
{
    private int _suspendCount;
    private bool _failed;
    private IActorRef? _perpetrator;
    private object? _failedMessage;
    private Exception? _pendingRecreateCause;

    /// <summary>Reports a failure of this actor to its parent (once; later failures while failed are ignored).</summary>
    private void HandleInvokeFailure(Exception cause, IActorRef? childNotToSuspend = null)
    {
        if (_terminating)
        {
            KernelLog.FailureWhileTerminating(System.KernelLogger, cause, Self.Path);
            return;
        }

        if (_failed)
        {
            return;
        }

        _failed = true;
        _perpetrator = childNotToSuspend;
        _failedMessage = _current.Message;
        _suspendCount++;
        foreach (var child in ChildrenForStrategy())
        {
            if (!child.Child.Equals(childNotToSuspend))
            {
                child.Child.SendSystemMessage(new Suspend());
            }
        }

        _parent.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid));
    }

    /// <summary>A child failed: ask the strategy; Escalate rethrows here so this actor fails with the same exception.</summary>
    private void HandleFailed(Failed failed)
    {
        var stats = _terminating ? null : FindChild(failed.Child);
        if (stats is null || stats.Stopping)
        {
            KernelLog.FailedFromOldChildDropped(System.KernelLogger, failed.Child.Path);
            return;
        }

        var strategy = Props.SupervisorStrategy ?? _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, failed.Child, failed.Cause, stats, ChildrenForStrategy()))
        {
            SupervisorStrategy.Rethrow(failed.Cause);
        }
    }

    private void FaultSuspend()
    {
        _suspendCount++;
        foreach (var child in ChildrenForStrategy())
        {
            child.Child.SendSystemMessage(new Suspend());
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null && !_terminating)
        {
            FaultCreate();
            return;
        }

        if (_suspendCount > 0)
        {
            _suspendCount--;
        }

        var perpetrator = _perpetrator;
        if (causedByFailure is not null)
        {
            _failed = false;
            _perpetrator = null;
            _failedMessage = null;
        }

        foreach (var child in ChildrenForStrategy())
        {
            child.Child.SendSystemMessage(new Resume(child.Child.Equals(perpetrator) ? causedByFailure : null));
        }
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        if (_actor is null)
        {
            FaultCreate();
            return;
        }

        var failedActor = _actor;
        var message = _failedMessage;
        _awaitingTask = null;
        _stash?.UnstashAllInternal();
        try
        {
            failedActor.AroundPreRestart(cause, message);
        }
        catch (Exception ex)
        {
            KernelLog.PreRestartFailed(System.KernelLogger, ex, Self.Path);
        }

        EndIncarnation();
        if (StoppingChildrenCount > 0)
        {
            _pendingRecreateCause = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        _pendingRecreateCause = null;
        ClearFailed();
        var survivors = ChildrenForStrategy();
        _actor = null;
        try
        {
            var actor = NewActor();
            _actor = actor;
            actor.AroundPostRestart(cause);
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(new PostRestartException(Self, ex, cause));
        }

        foreach (var child in survivors)
        {
            child.Child.SendSystemMessage(new Recreate(cause));
        }
    }

    /// <summary>Retry creation after the constructor or PreStart failed (the parent said Restart or Resume).</summary>
    private void FaultCreate()
    {
        ClearFailed();
        CreateActor();
    }

    private void ClearFailed()
    {
        if (_suspendCount > 0)
        {
            _suspendCount--;
        }

        _failed = false;
        _perpetrator = null;
        _failedMessage = null;
    }
}
