namespace TunnelActors.Core.Restart;

/// <summary>Why a tunnel gave up restarting ssh.</summary>
public enum GiveUpReason
{
    /// <summary>The first ssh ended within the gate time (AUTOSSH_GATETIME, autossh.md §4.1 rule 2).</summary>
    StartupFailure,

    /// <summary>The first ssh exited 1 or 2 after the gate (autossh.md §4.1 rule 5).</summary>
    FirstRunError,

    /// <summary>ssh exited with a status that means "the command failed", not "the connection failed" (3..254).</summary>
    ExitStatus,

    /// <summary>The start limit (AUTOSSH_MAXSTART) is reached.</summary>
    MaxStartsReached,

    /// <summary>The tunnel's lifetime (AUTOSSH_MAXLIFETIME) is over, or would be before the next start.</summary>
    LifetimeExceeded,
}
