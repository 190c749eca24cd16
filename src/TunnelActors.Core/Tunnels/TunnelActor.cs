using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Restart;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>One tunnel: owns its ssh process (one incarnation at a time), its monitor, its restart timing and its status.</summary>
/// <remarks>
/// States are behaviours (TunnelActor.Behaviours.cs): WaitingForSlot (Starting) → Running (Connecting, Up, Degraded) →
/// StoppingSsh → then, by what ended ssh: Waiting (BackingOff, or Failed for a permanent cause, with a restart timer),
/// Idle (Stopped, or Failed after giving up), or straight back to WaitingForSlot. ssh's exit and the monitor's verdicts
/// arrive as messages; timers carry the generation (or incarnation) they were armed for, and stale ones are dropped.
/// Every change is pushed to the root supervisor before any reply, so a status asked of the root after a reply is current.
/// PostStop kills a still-running ssh and waits for it, so no ssh outlives its actor or the actor system.
/// </remarks>
internal sealed partial class TunnelActor : UntypedActor, IWithTimers
{
    private const string RestartTimer = "restart";
    private const string ConnectTimer = "connect";
    private const string SettleTimer = "settle";
    private const string LifetimeTimer = "lifetime";
    private readonly TunnelEnvironment _env;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _startedAt;
    private readonly List<IActorRef> _waiters = [];
    private TunnelState _state = TunnelState.Starting;
    private DateTimeOffset _since;
    private SshSession? _session;
    private LoopListener? _tcpListener;
    private int? _pickedPort;
    private long _generation;
    private long _ticket;
    private ExitIntent _intent;
    private int _consecutiveFailures;
    private TimeSpan? _lastRtt;
    private string? _lastFailure;
    private string? _lastFailureClass;
    private DateTimeOffset? _lastFailureAt;
    private DateTimeOffset? _nextStartAt;

    public TunnelActor(TunnelEnvironment env)
    {
        _env = env;
        _time = Context.System.TimeProvider;
        _startedAt = _since = _time.GetUtcNow();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TunnelSettings Settings => _env.Ledger.Settings;

    private string Name => Settings.Name;

    public static Props Props(TunnelEnvironment env) => Kernel.Actor.Props.Create(() => new TunnelActor(env));

    protected override void PreStart()
    {
        if (RestartPolicy.LifetimeLeft(_startedAt, _startedAt, Settings.Limits) is { } left)
        {
            Timers.StartSingleTimer(LifetimeTimer, LifetimeOver.Instance, left);
        }

        TryStart();
    }

    protected override void PostStop()
    {
        if (_session is { } session)
        {
            _session = null;
            if (!session.Process.Exited.IsCompleted)
            {
                TunnelLog.KilledOnStop(Log, Name, session.Process.Pid);
            }

            session.ReleaseAsync().Wait(_env.Services.KillWait);
        }

        _tcpListener?.DisposeAsync().AsTask().Wait(_env.Services.KillWait);
        _tcpListener = null;
    }

    protected override void OnReceive(object message) => Common(message);

    private TunnelStatus Status()
    {
        var process = _session?.Process;
        var pid = process is { Pid: > 0 } && !process.Exited.IsCompleted ? process.Pid : (int?)null;
        var incarnation = (int)_env.Ledger.Incarnation;
        return new TunnelStatus(Name, _state, _since, pid, incarnation, Math.Max(0, incarnation - 1), _lastRtt,
            _lastFailure, _lastFailureClass, _lastFailureAt, _nextStartAt);
    }

    private void SetState(TunnelState state)
    {
        if (state != _state)
        {
            TunnelLog.StateChanged(Log, Name, _state, state);
            _state = state;
            _since = _time.GetUtcNow();
        }

        PushStatus();
    }

    private void PushStatus() => _env.Root.Tell(new TunnelStatusChanged(_env.Serial, Status()), Self);

    private void RecordFailure(string detail, string failureClass)
    {
        _lastFailure = detail;
        _lastFailureClass = failureClass;
        _lastFailureAt = _time.GetUtcNow();
    }

    private void Emit(TunnelLifecycleEvent lifecycleEvent)
    {
        try
        {
            _env.Services.Events.Append(lifecycleEvent);
        }
        catch (Exception e)
        {
            TunnelLog.SinkFailed(Log, e, Name);
        }
    }

    private void ReplyWaiters()
    {
        foreach (var waiter in _waiters)
        {
            waiter.Tell(new TunnelCommandDone(Name, _state), Self);
        }

        _waiters.Clear();
    }

    private void ReplyDone() => Sender.Tell(new TunnelCommandDone(Name, _state), Self);

    private long NextGeneration() => ++_generation;
}
