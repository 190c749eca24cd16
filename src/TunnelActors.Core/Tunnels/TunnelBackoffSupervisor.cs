using TunnelActors.Core.Configuration;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>Guards one tunnel actor against bugs: Akka's BackoffSupervisor, OnFailure flavour (akka-semantics.md §1),
/// reduced to what tunnels need (the kernel has no BackoffSupervisor yet).</summary>
/// <remarks>
/// Expected failures (ssh exits, dead probes) never reach this actor: the tunnel actor handles them as data. Only an
/// exception out of the tunnel actor does. Then the child is stopped (its PostStop kills ssh) and a fresh one starts after
/// <c>min(Max, Min·2^n)·(1 + U·RandomFactor)</c>, n = failures since the last reset; the count resets once a child has
/// lived <see cref="BackoffSettings.StableAfter"/> (AutoReset with an explicit window, not Akka's default of Min:
/// akka-core#19246). A child that fails in its constructor or PreStart (<see cref="ActorInitializationException"/>) or
/// stops itself is not restarted: this supervisor stops too, and the root sees it terminate (as Akka's OnFailure does).
/// Messages are forwarded to the child; while there is none they go to dead letters (callers' Asks time out).
/// </remarks>
internal sealed class TunnelBackoffSupervisor : UntypedActor, IWithTimers
{
    private readonly Props _childProps;
    private readonly string _childName;
    private readonly BackoffSettings _backoff;
    private readonly Func<double> _jitter;
    private IActorRef? _child;
    private bool _childFailed;
    private int _restartCount;

    public TunnelBackoffSupervisor(Props childProps, string childName, BackoffSettings backoff, Func<double> jitter)
    {
        _childProps = childProps;
        _childName = childName;
        _backoff = backoff;
        _jitter = jitter;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(Props childProps, string childName, BackoffSettings backoff, Func<double> jitter) =>
        Kernel.Actor.Props.Create(() => new TunnelBackoffSupervisor(childProps, childName, backoff, jitter));

    /// <summary>The delay before the restart that follows <paramref name="restartCount"/> earlier ones (Akka's CalculateDelay).</summary>
    public static TimeSpan Delay(int restartCount, BackoffSettings backoff, double random)
    {
        var factor = 1 + (random * Math.Clamp(backoff.RandomFactor, 0, 1));
        var ticks = Math.Min(backoff.Max.Ticks, backoff.Min.Ticks * Math.Pow(2, Math.Min(restartCount, 62))) * factor;
        return ticks is < 0 or >= long.MaxValue ? backoff.Max : TimeSpan.FromTicks((long)ticks);
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        // Runs in this actor while it handles the failure: safe to touch its state.
        _childFailed = cause is not ActorInitializationException;
        return Directive.Stop;
    });

    protected override void PreStart() => StartChild();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                OnChildTerminated();
                break;
            case StartChildDue:
                StartChild();
                break;
            case ResetRestartCount reset:
                if (reset.Current == _restartCount)
                {
                    _restartCount = 0;
                }

                break;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                break;
            default:
                if (_child is not null)
                {
                    _child.Forward(message);
                }
                else
                {
                    Context.System.DeadLetters.Tell(message, Sender);
                }

                break;
        }
    }

    private void StartChild()
    {
        if (_child is not null)
        {
            return;
        }

        _childFailed = false;
        _child = Context.Watch(Context.ActorOf(_childProps, _childName));
        Timers.StartSingleTimer(nameof(ResetRestartCount), new ResetRestartCount(_restartCount), _backoff.StableAfter);
    }

    private void OnChildTerminated()
    {
        _child = null;
        if (!_childFailed)
        {
            Context.Stop(Self);
            return;
        }

        var delay = Delay(_restartCount, _backoff, _jitter());
        _restartCount++;
        Timers.Cancel(nameof(ResetRestartCount));
        Timers.StartSingleTimer(nameof(StartChildDue), StartChildDue.Instance, delay);
    }

    /// <summary>Timer: start the next child.</summary>
    internal sealed record StartChildDue
    {
        public static StartChildDue Instance { get; } = new();
    }

    /// <summary>Timer: the child started when the count was <paramref name="Current"/> has lived StableAfter.</summary>
    internal sealed record ResetRestartCount(int Current);

    /// <summary>Asks for the restart count; answered by <see cref="RestartCount"/>.</summary>
    internal sealed record GetRestartCount
    {
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>Restarts since the last reset.</summary>
    internal sealed record RestartCount(int Count);
}
