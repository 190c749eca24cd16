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
public sealed class TunnelSupervisor : UntypedActor, IWithUnboundedStash
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

    private TunnelSetDiff Apply(ImmutableArray<TunnelSettings> next)
    {
        var diff = TunnelSetDiff.Between(_tunnels.Values.Select(e => e.Ledger.Settings), next);
        foreach (var name in diff.Removed)
        {
            var entry = _tunnels[name];
            _tunnels.Remove(name);
            _stopAllPending.Remove(name);
            if (!entry.Guard.IsNobody())
            {
                entry.Guard.Tell(RetireTunnel.Instance, Self);
            }
        }

        foreach (var changed in diff.Changed)
        {
            var entry = _tunnels[changed.Name];
            entry.Ledger.Settings = changed;
            if (entry.Guard.IsNobody())
            {
                Spawn(changed);
            }
            else
            {
                entry.Guard.Tell(new ReconfigureTunnel(changed), Self);
            }
        }

        foreach (var added in diff.Added)
        {
            Spawn(added);
        }

        UpdateReservedPorts();
        CompleteStopAllIfDone();
        return diff;
    }

    private void Spawn(TunnelSettings tunnel)
    {
        var serial = ++_serial;
        var ledger = new TunnelLedger(tunnel);
        var socketDir = _services.MonitorSocketDirectory ?? Path.Combine(_settings.StateDir, "mon");
        var env = new TunnelEnvironment(_services, Self, _gate, serial, ledger, socketDir, _settings.Supervisor.HandshakeTimeout, IsReservedPort);
        // Guards the tunnel actor against bugs only (expected failures are data inside it). AutoReset after StableAfter,
        // not Akka's default of MinBackoff, which would never let the delay grow (akka-core#19246).
        var guardProps = Backoff.OnFailure(TunnelActor.Props(env), "tunnel", tunnel.Backoff.Min, tunnel.Backoff.Max, tunnel.Backoff.RandomFactor)
            .WithAutoReset(tunnel.Backoff.StableAfter)
            .WithRandomSource(_services.Jitter)
            .Props;
        var guard = Context.Watch(Context.ActorOf(guardProps, $"{tunnel.Name}-{serial}"));
        var now = Context.System.TimeProvider.GetUtcNow();
        var entry = new Entry(guard, serial, ledger)
        {
            Status = new TunnelStatus(tunnel.Name, TunnelState.Starting, now, null, 0, 0, null, null, null, null, null),
        };
        _tunnels[tunnel.Name] = entry;
        _guards[guard] = entry;
        UpdateReservedPorts();
    }

    /// <summary>Read by tunnel actors on their own threads: an immutable set swapped atomically.</summary>
    private bool IsReservedPort(int port) => Volatile.Read(ref _reservedPorts).Contains(port);

    private void UpdateReservedPorts()
    {
        var ports = _tunnels.Values.Select(e => e.Ledger.Settings).SelectMany(t =>
            t.Local.Concat(t.Dynamic).Select(f => f.ListenPort)
                .Append(t.Monitor.Port)
                .Append(t.Monitor.Mode == MonitorMode.Loop && t.Monitor.Transport == LoopTransport.Tcp ? t.Monitor.Port + 1 : null));
        Volatile.Write(ref _reservedPorts, ports.OfType<int>().ToImmutableHashSet());
    }

    private void OnStopAll()
    {
        _stopAllWaiters.Add(Sender);
        foreach (var (name, entry) in _tunnels.Where(t => !t.Value.Guard.IsNobody()))
        {
            if (_stopAllPending.Add(name))
            {
                entry.Guard.Tell(new StopTunnel(name), Self);
            }
        }

        CompleteStopAllIfDone();
    }

    private void OnStopAllProgress(string name)
    {
        _stopAllPending.Remove(name);
        CompleteStopAllIfDone();
    }

    private void CompleteStopAllIfDone()
    {
        if (_stopAllPending.Count > 0 || _stopAllWaiters.Count == 0)
        {
            return;
        }

        foreach (var waiter in _stopAllWaiters)
        {
            waiter.Tell(AllTunnelsStopped.Instance, Self);
        }

        _stopAllWaiters.Clear();
    }

    private void OnGuardTerminated(IActorRef guard)
    {
        if (!_guards.Remove(guard, out var entry))
        {
            return;
        }

        var name = entry.Ledger.Settings.Name;
        if (_tunnels.TryGetValue(name, out var current) && current.Serial == entry.Serial)
        {
            // Not retired: the tunnel actor could not be created, or stopped itself (a bug). Keep the tunnel visible as
            // Failed; a start, restart or changed settings spawn it again.
            TunnelLog.ActorLost(Log, name);
            entry.Guard = ActorRefs.Nobody;
            entry.Status = entry.Status with
            {
                State = TunnelState.Failed,
                Since = Context.System.TimeProvider.GetUtcNow(),
                Pid = null,
                LastFailure = "the tunnel's actor stopped (see the log); start or restart the tunnel to recover",
                LastFailureClass = nameof(FailureReason.Unknown),
            };
            _stopAllPending.Remove(name);
            CompleteStopAllIfDone();
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
