using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tunnels;

/// <summary>Messages only the supervisor, the monitor, the handshake gate and the tunnel's own timers send to a
/// <see cref="TunnelActor"/> (the public commands are in TunnelSupervisorProtocol.cs).</summary>
/// <remarks>Every timer message carries the generation it was armed in; a message of an older generation is dropped.</remarks>
internal abstract record TunnelMessage;

/// <summary>A reload changed the tunnel's settings: stop ssh, start again with these.</summary>
internal sealed record ReconfigureTunnel(TunnelSettings Settings) : TunnelMessage;

/// <summary>A reload removed the tunnel: stop ssh, then the actor stops itself.</summary>
internal sealed record RetireTunnel : TunnelMessage
{
    public static RetireTunnel Instance { get; } = new();
}

/// <summary>Run a probe now (SIGUSR1, <c>tunnelactors probe</c>).</summary>
internal sealed record ProbeNow : TunnelMessage
{
    public static ProbeNow Instance { get; } = new();
}

/// <summary>Pushed to the root supervisor on every change, so it answers status queries without a round trip.</summary>
internal sealed record TunnelStatusChanged(long Serial, TunnelStatus Status) : TunnelMessage;

/// <summary>The ssh of <paramref name="Incarnation"/> has ended (piped from <see cref="ISshProcess.Exited"/>).</summary>
internal sealed record SshProcessExited(long Incarnation, SshExit Exit) : TunnelMessage;

/// <summary>Timer: the backoff delay is over, start ssh.</summary>
internal sealed record RestartDue(long Generation) : TunnelMessage;

/// <summary>Timer: the incarnation did not come up within the handshake timeout.</summary>
internal sealed record ConnectDeadline(long Generation) : TunnelMessage;

/// <summary>Timer (monitor mode none): ssh stayed alive long enough to count as connected.</summary>
internal sealed record SettleDue(long Generation) : TunnelMessage;

/// <summary>Timer: the tunnel's MaxLifetime is over.</summary>
internal sealed record LifetimeOver : TunnelMessage
{
    public static LifetimeOver Instance { get; } = new();
}

/// <summary>From the monitor: a probe answered.</summary>
internal sealed record ProbeSucceeded(long Incarnation, TimeSpan Rtt) : TunnelMessage;

/// <summary>From the monitor: a probe of a tunnel that had answered before failed (<paramref name="ConsecutiveFailures"/> in a row).</summary>
internal sealed record ProbeFailing(long Incarnation, ProbeResult Result, int ConsecutiveFailures) : TunnelMessage;

/// <summary>From the monitor: the confirm retries failed too; the tunnel is dead.</summary>
internal sealed record TunnelDead(long Incarnation, ProbeResult Result) : TunnelMessage;
