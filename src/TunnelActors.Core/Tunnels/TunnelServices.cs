using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tunnels;

/// <summary>What the tunnel actors need from outside: how ssh is started, where events go, randomness, probes.</summary>
/// <remarks>The clock is the actor system's <see cref="TimeProvider"/>. Tests replace the factory, the prober and the jitter.</remarks>
public sealed record TunnelServices
{
    /// <summary>Starts ssh processes.</summary>
    public required ISshProcessFactory SshFactory { get; init; }

    /// <summary>Receives lifecycle events. Default: <see cref="NullTunnelEventSink"/>.</summary>
    public ITunnelEventSink Events { get; init; } = NullTunnelEventSink.Instance;

    /// <summary>A uniform draw from [0, 1) for backoff jitter; called from several threads. Default: <see cref="Random.Shared"/>.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Runs echo probes. Default: <see cref="EchoProber.Instance"/>.</summary>
    public IEchoProber Prober { get; init; } = EchoProber.Instance;

    /// <summary>Where the previous run recorded its ssh processes; the supervisor ends those left alive when it starts
    /// (before it starts any ssh). Null: no reaping.</summary>
    public PidRegistry? PidRegistry { get; init; }

    /// <summary>SIGTERM-to-SIGKILL grace for orphans of a previous run. Default 2 s.</summary>
    public TimeSpan OrphanGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a server may keep a dead session's <c>-R</c> port: sshd drops it after
    /// ClientAliveInterval × ClientAliveCountMax (we cannot see the server's values; 45 s assumes 15 s × 3).
    /// A refused remote forward is retried no sooner. Default 45 s.</summary>
    public TimeSpan RemoteForwardWait { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Directory of the loop monitor's Unix sockets; null means <c>&lt;state-dir&gt;/mon</c>.</summary>
    public string? MonitorSocketDirectory { get; init; }

    /// <summary>How long <c>PostStop</c> waits for a SIGKILLed ssh to be reaped. Default 5 s.</summary>
    public TimeSpan KillWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The production services: real ssh processes recorded in <c>&lt;state-dir&gt;/ssh-pids</c>, reaped at start.</summary>
    public static TunnelServices CreateDefault(string stateDir, TimeProvider time, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDir);
        ArgumentNullException.ThrowIfNull(time);
        var registry = PidRegistry.InStateDir(stateDir);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SshProcessFactory>();
        return new TunnelServices { SshFactory = new SshProcessFactory(time, registry, logger: logger), PidRegistry = registry };
    }
}
