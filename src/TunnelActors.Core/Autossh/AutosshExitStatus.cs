namespace TunnelActors.Core.Autossh;

/// <summary>autossh's own exit status (autossh.md §6.4): 0 for success or giving up on a limit, 1 for every error.</summary>
public static class AutosshExitStatus
{
    /// <summary>The status for <paramref name="outcome"/>.</summary>
    /// <remarks>
    /// Reaching MAXSTART exits 0 although every attempt may have failed (§7 item 30); kept for drop-in
    /// compatibility. autossh dies by the signal itself for HUP/USR1/USR2 outside the watch and for TERM/INT
    /// during start-up; the drop-in handles those signals at all times (see <see cref="AutosshSignals"/>).
    /// </remarks>
    public static int For(AutosshOutcome outcome) => outcome switch
    {
        AutosshOutcome.Version or AutosshOutcome.BackgroundParent or AutosshOutcome.SshExitedCleanly
            or AutosshOutcome.MaxStartReached or AutosshOutcome.MaxLifetimeExceeded => 0,
        _ => 1,
    };

    /// <summary>The outcome a classified ssh end leads to, or null when ssh is restarted.</summary>
    public static AutosshOutcome? OutcomeOf(AutosshDecision decision) => decision switch
    {
        { Verdict: AutosshVerdict.Restart } => null,
        { Verdict: AutosshVerdict.ExitOk } => AutosshOutcome.SshExitedCleanly,
        { Level: AutosshLogLevel.Error } => AutosshOutcome.PrematureExit,
        _ => AutosshOutcome.SshFailed,
    };
}
