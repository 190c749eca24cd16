using System.Collections.Immutable;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;
using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Pattern;

namespace TunnelActors.Core.Tunnels;

/// <summary>The set of tunnels: spawning, reloads, stop-all and lost tunnel actors.</summary>
public sealed partial class TunnelSupervisor
{
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
}
