using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Control;

/// <summary>A tunnel's status on the wire (<c>GET /v1/tunnels</c>, <c>status --json</c>).</summary>
/// <param name="Name">The tunnel's configured name.</param>
/// <param name="State">Its state, lower-case kebab (<c>up</c>, <c>backing-off</c>).</param>
/// <param name="Since">When it entered <paramref name="State"/>.</param>
/// <param name="Pid">The running ssh's pid, or null.</param>
/// <param name="Incarnation">ssh processes started since the daemon started.</param>
/// <param name="Restarts">Restarts since the daemon started.</param>
/// <param name="RttMs">Round-trip time of the last successful probe in milliseconds, or null.</param>
/// <param name="LastFailure">Human-readable last failure, or null.</param>
/// <param name="LastFailureClass">The failure class, or null.</param>
/// <param name="LastFailureAt">When the last failure happened, or null.</param>
/// <param name="NextStartAt">When a backing-off tunnel starts again, or null.</param>
public sealed record TunnelStatusDocument(
    string Name,
    TunnelState State,
    DateTimeOffset Since,
    int? Pid,
    int Incarnation,
    int Restarts,
    double? RttMs,
    string? LastFailure,
    string? LastFailureClass,
    DateTimeOffset? LastFailureAt,
    DateTimeOffset? NextStartAt)
{
    /// <summary>The wire form of a controller status.</summary>
    public static TunnelStatusDocument From(TunnelStatus status) => new(
        status.Name,
        status.State,
        status.Since,
        status.Pid,
        status.Incarnation,
        status.Restarts,
        status.LastProbeRtt?.TotalMilliseconds,
        status.LastFailure,
        status.LastFailureClass,
        status.LastFailureAt,
        status.NextStartAt);
}
