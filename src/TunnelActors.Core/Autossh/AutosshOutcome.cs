namespace TunnelActors.Core.Autossh;

/// <summary>Why the drop-in ends; <see cref="AutosshExitStatus.For"/> maps each to autossh's exit status (§6.4).</summary>
public enum AutosshOutcome
{
    /// <summary><c>-V</c> printed the version (0).</summary>
    Version,

    /// <summary>The foreground parent of <c>-f</c> once the child is ready or ended with 0 (0; autossh's parent exits 0 at once).</summary>
    BackgroundParent,

    /// <summary>ssh exited 0 after the gate, or with no gate (0).</summary>
    SshExitedCleanly,

    /// <summary>AUTOSSH_MAXSTART launches were made, even if all failed, or it is 0 (0).</summary>
    MaxStartReached,

    /// <summary>AUTOSSH_MAXLIFETIME elapsed; ssh was stopped (0).</summary>
    MaxLifetimeExceeded,

    /// <summary>Usage or getopt error (1).</summary>
    UsageError,

    /// <summary>An invalid AUTOSSH_* or <c>-M</c> value (1).</summary>
    InvalidSetting,

    /// <summary>Cannot open the log or pid file, or daemon/fork/socket/bind/listen failed (1).</summary>
    StartupFailure,

    /// <summary>The first launch ended within the gate, whatever its status (1).</summary>
    PrematureExit,

    /// <summary>ssh exited 3-254, or 1/2 on the first launch after a gate (1).</summary>
    SshFailed,

    /// <summary>SIGTERM or SIGINT reached the supervisor (1).</summary>
    Signalled,

    /// <summary>ssh could not be executed (1).</summary>
    ExecFailure,
}
