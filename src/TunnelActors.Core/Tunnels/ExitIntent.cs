namespace TunnelActors.Core.Tunnels;

/// <summary>Why the tunnel actor is stopping its own ssh: decides what follows the exit.</summary>
internal enum ExitIntent
{
    /// <summary>Not stopping: ssh ended on its own; the restart policy decides.</summary>
    None,

    /// <summary>The monitor declared the tunnel dead; the restart policy decides (reason ProbeTimeout).</summary>
    ProbeDead,

    /// <summary>The incarnation did not come up within the handshake timeout; the restart policy decides (reason Timeout).</summary>
    ConnectTimeout,

    /// <summary>Operator restart or changed settings: start again at once.</summary>
    Restart,

    /// <summary>Operator stop: stay stopped.</summary>
    Stop,

    /// <summary>Removed by a reload: the actor stops itself.</summary>
    Retire,

    /// <summary>MaxLifetime is over: give up.</summary>
    Lifetime,
}
