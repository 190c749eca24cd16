namespace TunnelActors.Core.Autossh;

/// <summary>What the drop-in does on a signal.</summary>
public enum AutosshSignalAction
{
    /// <summary>Nothing: ssh and the poll schedule are untouched.</summary>
    Ignore,

    /// <summary>Stop ssh (SIGTERM, then SIGKILL after the grace period) and exit 1.</summary>
    StopAndExit,

    /// <summary>Kill ssh and start a new one now; counts toward MAXSTART and the backoff tries.</summary>
    RestartSsh,

    /// <summary>End the current grace-time sleep and start ssh now.</summary>
    SkipBackoff,
}
