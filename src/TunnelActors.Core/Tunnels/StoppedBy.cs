namespace TunnelActors.Core.Tunnels;

/// <summary>Who or what stopped a tunnel (not restarted until told to start).</summary>
public enum StoppedBy
{
    /// <summary>The operator (<c>tunnelactors stop</c>, the control API) or the daemon's shutdown (<see cref="StopAllTunnels"/>).</summary>
    Operator,

    /// <summary>A reload removed the tunnel from the configuration.</summary>
    Reload,

    /// <summary>ssh exited 0 on its own and the limits say not to restart then (autossh.md §4.1: exit 0 ends autossh).</summary>
    CleanExit,
}
