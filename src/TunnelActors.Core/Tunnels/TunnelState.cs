namespace TunnelActors.Core.Tunnels;

/// <summary>Where a tunnel is in its life cycle, as shown by <c>tunnelactors status</c>.</summary>
public enum TunnelState
{
    /// <summary>Configured; its actor is starting or waiting for a handshake slot.</summary>
    Starting,

    /// <summary>ssh runs; no probe has answered yet (or monitoring is off and ssh has not settled).</summary>
    Connecting,

    /// <summary>ssh runs and the last probe answered.</summary>
    Up,

    /// <summary>ssh runs but probes are failing; being confirmed before a restart.</summary>
    Degraded,

    /// <summary>ssh ended; waiting for the backoff delay before the next start.</summary>
    BackingOff,

    /// <summary>Gave up, or failing for a permanent cause (authentication, host key); see the last failure.</summary>
    Failed,

    /// <summary>Stopped by the operator or removed by a reload.</summary>
    Stopped,
}
