namespace TunnelActors.Core.Autossh;

/// <summary>The signals autossh gives a meaning to (autossh.md §4.3); values are the Linux signal numbers.</summary>
public enum AutosshSignal
{
    /// <summary>SIGHUP (1).</summary>
    Hup = 1,

    /// <summary>SIGINT (2).</summary>
    Int = 2,

    /// <summary>SIGUSR1 (10).</summary>
    Usr1 = 10,

    /// <summary>SIGUSR2 (12).</summary>
    Usr2 = 12,

    /// <summary>SIGTERM (15).</summary>
    Term = 15,
}
