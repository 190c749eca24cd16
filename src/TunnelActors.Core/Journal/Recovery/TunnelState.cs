namespace TunnelActors.Core.Journal.Recovery;

/// <summary>The state of a tunnel as seen through its journal.</summary>
public enum TunnelState
{
    /// <summary>No event yet.</summary>
    Unknown,

    /// <summary>ssh started (or a restart is pending) and no failure has been seen since the last stop: not counted as up or down.</summary>
    Starting,

    /// <summary>A probe succeeded (TunnelUp) and no failure verdict followed: counted as uptime.</summary>
    Up,

    /// <summary>A failure verdict (ProbeFailed or an unexpected SshExited) and no TunnelUp since: counted as downtime.</summary>
    Down,

    /// <summary>The supervisor gave up: counted as downtime until the tunnel is up again.</summary>
    GaveUp,

    /// <summary>Stopped by the operator or a reload: planned, counted neither as up nor down.</summary>
    Stopped,
}
