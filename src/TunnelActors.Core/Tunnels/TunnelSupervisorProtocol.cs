using System.Collections.Immutable;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tunnels;

/// <summary>Messages of <see cref="TunnelSupervisor"/>: what the controller (and tests) may send, and the answers.</summary>
/// <remarks>Per-tunnel commands are forwarded to the tunnel, which answers the original sender.</remarks>
public abstract record TunnelSupervisorMessage;

/// <summary>Asks for every tunnel's status; answered by <see cref="TunnelStatuses"/>.</summary>
public sealed record GetTunnelStatuses : TunnelSupervisorMessage
{
    /// <summary>The single instance.</summary>
    public static GetTunnelStatuses Instance { get; } = new();
}

/// <summary>Every tunnel's status, ordered by name.</summary>
public sealed record TunnelStatuses(ImmutableArray<TunnelStatus> Statuses) : TunnelSupervisorMessage;

/// <summary>Asks for one tunnel's status; answered by <see cref="TunnelStatus"/> or <see cref="TunnelNotFound"/>.</summary>
public sealed record GetTunnelStatus(string Name) : TunnelSupervisorMessage;

/// <summary>Starts a stopped (or given-up) tunnel; answered by <see cref="TunnelCommandDone"/> or <see cref="TunnelNotFound"/>.</summary>
public sealed record StartTunnel(string Name) : TunnelSupervisorMessage;

/// <summary>Stops a tunnel (SIGTERM, grace, SIGKILL); answered once ssh has ended and its ports are free.</summary>
public sealed record StopTunnel(string Name) : TunnelSupervisorMessage;

/// <summary>Kills the tunnel's ssh and starts a new one at once, ignoring backoff.</summary>
public sealed record RestartTunnel(string Name) : TunnelSupervisorMessage;

/// <summary>Replaces the desired set of tunnels (a reload); answered by the <see cref="TunnelSetDiff"/> applied.</summary>
public sealed record ApplyTunnelSet(ImmutableArray<TunnelSettings> Tunnels) : TunnelSupervisorMessage;

/// <summary>Probes every running tunnel now; answered by <see cref="ProbesRequested"/>.</summary>
public sealed record ProbeAllTunnels : TunnelSupervisorMessage
{
    /// <summary>The single instance.</summary>
    public static ProbeAllTunnels Instance { get; } = new();
}

/// <summary>How many tunnels were asked to probe.</summary>
public sealed record ProbesRequested(int Count) : TunnelSupervisorMessage;

/// <summary>Stops every tunnel gracefully (daemon shutdown); answered by <see cref="AllTunnelsStopped"/> once every ssh has ended.</summary>
public sealed record StopAllTunnels : TunnelSupervisorMessage
{
    /// <summary>The single instance.</summary>
    public static StopAllTunnels Instance { get; } = new();
}

/// <summary>Every tunnel is stopped.</summary>
public sealed record AllTunnelsStopped : TunnelSupervisorMessage
{
    /// <summary>The single instance.</summary>
    public static AllTunnelsStopped Instance { get; } = new();
}

/// <summary>No tunnel has that name.</summary>
public sealed record TunnelNotFound(string Name) : TunnelSupervisorMessage;

/// <summary>A per-tunnel command was carried out; <paramref name="State"/> is the tunnel's state afterwards.</summary>
public sealed record TunnelCommandDone(string Name, TunnelState State) : TunnelSupervisorMessage;
