using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>Probes one ssh incarnation through its tunnel and tells its parent (the tunnel actor) how it goes.</summary>
/// <remarks>
/// Cadence: the first probe <see cref="MonitorSettings.FirstProbeDelay"/> after start; then one probe
/// <see cref="MonitorSettings.Interval"/> after the previous one ENDED (as autossh, autossh.md §3). Until the first
/// answer, failures only mean "not connected yet" (ssh sets up its listeners after authenticating) and are retried every
/// <see cref="MonitorSettings.ConfirmInterval"/>; the tunnel actor's handshake deadline bounds that phase. After an
/// answer, a failure is reported (<see cref="ProbeFailing"/>) and confirmed by <see cref="MonitorSettings.ConfirmRetries"/>
/// quick retries; when they all fail the verdict is <see cref="TunnelDead"/> and probing stops (autossh restarts on a
/// single failed test). The timeout follows the measured RTT (<see cref="AdaptiveTimeout"/>) and doubles on each timeout.
/// Each probe carries a fresh nonce (tunnel, incarnation, sequence, random) compared byte for byte; a result of an older
/// probe, or a timer of an older generation, is dropped.
/// </remarks>
internal sealed class MonitorActor : UntypedActor, IWithTimers
{
    private const string ProbeTimer = "probe";
    private readonly string _tunnel;
    private readonly long _incarnation;
    private readonly MonitorSettings _settings;
    private readonly ProbeEndpoint _target;
    private readonly IEchoProber _prober;
    private AdaptiveTimeout _timeout;
    private long _generation;
    private long _sequence;
    private long _inFlight;
    private bool _answeredOnce;
    private bool _dead;
    private int _failures;

    public MonitorActor(string tunnel, long incarnation, MonitorSettings settings, ProbeEndpoint target, IEchoProber prober)
    {
        _tunnel = tunnel;
        _incarnation = incarnation;
        _settings = settings;
        _target = target;
        _prober = prober;
        _timeout = AdaptiveTimeout.Create(settings.Timeout, settings.MinTimeout, settings.MaxTimeout);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string tunnel, long incarnation, MonitorSettings settings, ProbeEndpoint target, IEchoProber prober) =>
        Kernel.Actor.Props.Create(() => new MonitorActor(tunnel, incarnation, settings, target, prober));

    protected override void PreStart() => ScheduleProbe(_settings.FirstProbeDelay);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ProbeTick tick:
                OnTick(tick);
                break;
            case ProbeCompleted completed:
                OnCompleted(completed);
                break;
            case ProbeNow:
                if (_inFlight == 0 && !_dead)
                {
                    Timers.Cancel(ProbeTimer);
                    StartProbe();
                }

                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnTick(ProbeTick tick)
    {
        if (tick.Generation != _generation || _inFlight != 0 || _dead)
        {
            TunnelLog.StaleMessage(Log, _tunnel, tick);
            return;
        }

        StartProbe();
    }

    private void StartProbe()
    {
        var sequence = ++_sequence;
        _inFlight = sequence;
        var nonce = ProbeNonce.Create(_tunnel, _incarnation, sequence);
        _prober.ProbeAsync(_target, nonce, _timeout.Current, Context.System.TimeProvider, Context.CancellationToken)
            .PipeTo(Self, t => new ProbeCompleted(sequence, t.IsCompletedSuccessfully
                ? t.Result
                : new ProbeResult(ProbeOutcome.Error, TimeSpan.Zero, t.Exception?.InnerException?.Message ?? "probe cancelled")));
    }

    private void OnCompleted(ProbeCompleted completed)
    {
        if (completed.Sequence != _inFlight)
        {
            TunnelLog.StaleMessage(Log, _tunnel, completed);
            return;
        }

        _inFlight = 0;
        var result = completed.Result;
        if (result.IsOk)
        {
            _answeredOnce = true;
            _failures = 0;
            _timeout = _timeout.Observe(result.Elapsed);
            Context.Parent.Tell(new ProbeSucceeded(_incarnation, result.Elapsed), Self);
            ScheduleProbe(_settings.Interval);
            return;
        }

        if (!_answeredOnce)
        {
            ScheduleProbe(_settings.ConfirmInterval);
            return;
        }

        _failures++;
        if (result.Outcome == ProbeOutcome.Timeout)
        {
            _timeout = _timeout.OnTimeout();
        }

        Context.Parent.Tell(new ProbeFailing(_incarnation, result, _failures), Self);
        if (_failures > _settings.ConfirmRetries)
        {
            _dead = true;
            Context.Parent.Tell(new TunnelDead(_incarnation, result), Self);
            return;
        }

        ScheduleProbe(_settings.ConfirmInterval);
    }

    private void ScheduleProbe(TimeSpan delay) => Timers.StartSingleTimer(ProbeTimer, new ProbeTick(++_generation), delay);
}
