using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Pattern;

/// <summary>State and message handling shared by both backoff flavours (Akka's <c>BackoffSupervisorBase.HandleBackoff</c>).</summary>
/// <remarks>
/// Routing of ordinary messages: from the child → the supervisor's parent (supervisor as sender); from anyone else →
/// forwarded to the child (sender kept). With no child: <see cref="BackoffOptions.ReplyWhileStopped"/> to the sender, or
/// dead letters (sender kept). Messages are never buffered while the child is down: callers must retry.
/// </remarks>
public abstract class BackoffSupervisorBase : ActorBase
{
    private protected BackoffSupervisorBase(BackoffOptions options)
    {
        Options = options;
    }

    /// <summary>The options this supervisor was created with.</summary>
    protected BackoffOptions Options { get; }

    /// <summary>The current child, or null between its termination and the next start.</summary>
    protected IActorRef? Child { get; set; }

    /// <summary>Restarts since the last reset (incremented when the restart is scheduled).</summary>
    protected int RestartCountN { get; set; }

    /// <summary>True once a final-stop message was forwarded to the live child.</summary>
    protected bool FinalStopMessageReceived { get; set; }

    /// <inheritdoc />
    protected override void PreStart() => StartChild();

    /// <summary>Schedules <see cref="BackoffSupervisor.StartChild"/> after the delay for the current count, then increments the count.</summary>
    protected void ScheduleRestart()
    {
        var delay = BackoffSupervisor.CalculateDelay(RestartCountN, Options.MinBackoff, Options.MaxBackoff, Options.RandomFactor, Options.RandomSource());
        Context.System.Scheduler.ScheduleTellOnce(delay, Self, BackoffSupervisor.StartChild.Instance, Self);
        RestartCountN++;
    }

    /// <summary>Handles the backoff protocol and routes everything else; false means unhandled.</summary>
    protected bool HandleBackoff(object message)
    {
        switch (message)
        {
            case BackoffSupervisor.StartChild:
                StartChild();
                if (Options.EffectiveReset is AutoReset autoReset)
                {
                    Context.System.Scheduler.ScheduleTellOnce(autoReset.ResetBackoff, Self, new BackoffSupervisor.ResetRestartCount(RestartCountN), Self);
                }

                return true;
            case BackoffSupervisor.Reset:
                if (Options.EffectiveReset is not ManualReset)
                {
                    return false;
                }

                RestartCountN = 0;
                return true;
            case BackoffSupervisor.ResetRestartCount reset:
                if (reset.Current == RestartCountN)
                {
                    RestartCountN = 0;
                }

                return true;
            case BackoffSupervisor.GetRestartCount:
                Sender.Tell(new BackoffSupervisor.RestartCount(RestartCountN), Self);
                return true;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(Child), Self);
                return true;
            default:
                Route(message);
                return true;
        }
    }

    private void StartChild()
    {
        Child ??= Context.Watch(Context.ActorOf(Options.ChildProps, Options.ChildName));
    }

    private void Route(object message)
    {
        if (Child is { } child)
        {
            if (child.Equals(Sender))
            {
                Context.Parent.Tell(message, Self);
                return;
            }

            child.Tell(message, Sender);
            if (!FinalStopMessageReceived && Options.FinalStopMessage is { } isFinal)
            {
                FinalStopMessageReceived = isFinal(message);
            }

            return;
        }

        if (Options.ReplyWhileStopped is { } reply)
        {
            Sender.Tell(reply, Self);
        }
        else
        {
            Context.System.DeadLetters.Tell(message, Sender);
        }

        if (Options.FinalStopMessage is { } isFinalWhileStopped && isFinalWhileStopped(message))
        {
            Context.Stop(Self);
        }
    }
}
