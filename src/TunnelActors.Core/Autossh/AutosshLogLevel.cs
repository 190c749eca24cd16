namespace TunnelActors.Core.Autossh;

/// <summary>The syslog levels autossh logs at (autossh.md §6.1); a message is written when level ≤ the configured level.</summary>
public enum AutosshLogLevel
{
    /// <summary>LOG_ERR (3): fatal and serious errors.</summary>
    Error = 3,

    /// <summary>LOG_INFO (6): starts, exits, restarts; the default threshold.</summary>
    Info = 6,

    /// <summary>LOG_DEBUG (7): the watch loop, backoff and test details; with <c>AUTOSSH_DEBUG</c>.</summary>
    Debug = 7,
}
