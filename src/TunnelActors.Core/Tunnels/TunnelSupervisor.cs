using System.Collections.Immutable;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;
using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Pattern;

namespace TunnelActors.Core.Tunnels;

/// <summary>The root of the tunnel tree: holds the desired set of tunnels and runs one guarded tunnel actor per tunnel.</summary>
/// <remarks>
/// Tree: <c>TunnelSupervisor</c> → per tunnel a kernel <see cref="BackoffSupervisor"/>, OnFailure flavour (named
/// <c>&lt;tunnel&gt;-&lt;serial&gt;</c>; restarts the tunnel actor with backoff after an exception, i.e. a bug) → <see cref="TunnelActor"/> (the per-tunnel state machine, owner of
/// ssh) → per incarnation a <see cref="MonitorActor"/>. A <see cref="HandshakeGate"/> child caps concurrent handshakes.
/// On start it first ends the ssh processes a previous run left (<see cref="OrphanReaper"/>, messages are stashed
/// meanwhile), then starts the tunnels. Statuses are pushed here by the tunnels, so status queries are answered at once;
/// per-tunnel commands are forwarded and answered by the tunnel. Reloads apply a <see cref="TunnelSetDiff"/>: added
/// tunnels start, removed ones stop (ssh stopped politely, then the actor), changed ones restart with the new settings,
/// unchanged ones are not touched.
/// </remarks>
public sealed partial class TunnelSupervisor : UntypedActor, IWithUnboundedStash
{
    private readonly TunnelActorsSettings _settings;
    private readonly TunnelServices _services;
    private readonly Dictionary<string, Entry> _tunnels = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, Entry> _guards = [];
    private readonly HashSet<string> _stopAllPending = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _stopAllWaiters = [];
    private IActorRef _gate = ActorRefs.Nobody;
    private ImmutableHashSet<int> _reservedPorts = [];
    private long _serial;

    /// <summary>Creates the supervisor for <paramref name="settings"/> (use <see cref="Props"/>).</summary>
    public TunnelSupervisor(TunnelActorsSettings settings, TunnelServices services)
    {
        _settings = settings;
        _services = services;
    }

    /// <summary>The kernel's stash (set by the kernel).</summary>
    public IStash Stash { get; set; } = null!;

    /// <summary>Props for the root supervisor of <paramref name="settings"/>'s tunnels.</summary>
    public static Props Props(TunnelActorsSettings settings, TunnelServices services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        return Kernel.Actor.Props.Create(() => new TunnelSupervisor(settings, services));
    }

    /// <inheritdoc />
    // The children (gate, tunnel guards) handle expected failures themselves; an exception is a bug: stop that child.
    protected override SupervisorStrategy SupervisorStrategy() => Kernel.Actor.SupervisorStrategy.StoppingStrategy;

    /// <inheritdoc />
    protected override void PreStart()
    {
        var supervisor = _settings.Supervisor;
        _gate = Context.ActorOf(HandshakeGate.Props(supervisor.MaxConcurrentHandshakes, supervisor.HandshakeTimeout), "handshake-gate");
        ReapOrphansAsync().PipeTo(Self, t => new OrphansReaped(t.IsCompletedSuccessfully ? t.Result : 0));
        Become(Reaping);
    }

    /// <inheritdoc />
    protected override void OnReceive(object message) => Unhandled(message);

    private Task<int> ReapOrphansAsync()
    {
        if (_services.PidRegistry is not { } registry)
        {
            return Task.FromResult(0);
        }

        // Runs outside the actor: capture what it needs here.
        var reaper = new OrphanReaper(registry, Context.System.TimeProvider);
        var log = Log;
        var grace = _services.OrphanGracePeriod;
        return Task.Run(async () =>
        {
            try
            {
                return (await reaper.ReapAsync(grace)).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TunnelLog.ReapFailed(log, e);
                return 0;
            }
        });
    }

    private void Reaping(object message)
    {
        if (message is OrphansReaped reaped)
        {
            if (reaped.Count > 0)
            {
                TunnelLog.OrphansReaped(Log, reaped.Count);
            }

            foreach (var tunnel in _settings.Tunnels)
            {
                Spawn(tunnel);
            }

            Become(Active);
            Stash.UnstashAll();
            return;
        }

        Stash.Stash();
    }

    private void Active(object message)
    {
        switch (message)
        {
            case GetTunnelStatuses:
                Sender.Tell(new TunnelStatuses([.. _tunnels.Values.Select(e => e.Status).OrderBy(s => s.Name, StringComparer.Ordinal)]), Self);
                break;
            case GetTunnelStatus get:
                Sender.Tell(_tunnels.TryGetValue(get.Name, out var entry) ? entry.Status : new TunnelNotFound(get.Name), Self);
                break;
            case StartTunnel or StopTunnel or RestartTunnel:
                ForwardCommand(message);
                break;
            case ApplyTunnelSet apply:
                Sender.Tell(Apply(apply.Tunnels), Self);
                break;
            case ProbeAllTunnels:
                foreach (var tunnel in _tunnels.Values.Where(t => !t.Guard.IsNobody()))
                {
                    tunnel.Guard.Tell(ProbeNow.Instance, Self);
                }

                Sender.Tell(new ProbesRequested(_tunnels.Count), Self);
                break;
            case StopAllTunnels:
                OnStopAll();
                break;
            case TunnelCommandDone done:
                OnStopAllProgress(done.Name);
                break;
            case TunnelStatusChanged changed:
                if (_tunnels.TryGetValue(changed.Status.Name, out var current) && current.Serial == changed.Serial)
                {
                    current.Status = changed.Status;
                }

                break;
            case Terminated terminated:
                OnGuardTerminated(terminated.ActorRef);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void ForwardCommand(object command)
    {
        var name = command switch
        {
            StartTunnel start => start.Name,
            StopTunnel stop => stop.Name,
            RestartTunnel restart => restart.Name,
            _ => throw new ArgumentException($"Not a tunnel command: {command}", nameof(command)),
        };
        if (!_tunnels.TryGetValue(name, out var entry))
        {
            Sender.Tell(new TunnelNotFound(name), Self);
        }
        else if (!entry.Guard.IsNobody())
        {
            entry.Guard.Forward(command);
        }
        else if (command is StopTunnel)
        {
            Sender.Tell(new TunnelCommandDone(name, entry.Status.State), Self);
        }
        else
        {
            Spawn(entry.Ledger.Settings);
            Sender.Tell(new TunnelCommandDone(name, TunnelState.Starting), Self);
        }
    }

    private sealed record OrphansReaped(int Count);

    private sealed class Entry(IActorRef guard, long serial, TunnelLedger ledger)
    {
        public IActorRef Guard { get; set; } = guard;

        public long Serial { get; } = serial;

        public TunnelLedger Ledger { get; } = ledger;

        public required TunnelStatus Status { get; set; }
    }
}
