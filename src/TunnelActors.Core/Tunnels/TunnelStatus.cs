namespace TunnelActors.Core.Tunnels;

/// <summary>A point-in-time view of one tunnel, answered to <c>GetTunnelStatus</c>.</summary>
/// <param name="Name">The tunnel's configured name.</param>
/// <param name="State">Its current state.</param>
/// <param name="Since">When it entered <paramref name="State"/>.</param>
/// <param name="Pid">The running ssh's pid, or null.</param>
/// <param name="Incarnation">How many ssh processes this tunnel has started since the daemon started.</param>
/// <param name="Restarts">Restarts since the daemon started.</param>
/// <param name="LastProbeRtt">Round-trip time of the last successful probe, or null.</param>
/// <param name="LastFailure">Human-readable last failure (e.g. the classified ssh error line), or null.</param>
/// <param name="LastFailureClass">The failure class (a <c>FailureReason</c> name), or null.</param>
/// <param name="LastFailureAt">When the last failure happened, or null.</param>
/// <param name="NextStartAt">When a backing-off tunnel starts again, or null.</param>
public sealed record TunnelStatus(
    string Name,
    TunnelState State,
    DateTimeOffset Since,
    int? Pid,
    int Incarnation,
    int Restarts,
    TimeSpan? LastProbeRtt,
    string? LastFailure,
    string? LastFailureClass,
    DateTimeOffset? LastFailureAt,
    DateTimeOffset? NextStartAt);
