using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>autossh's signal table (autossh.md §4.3) with its outside-the-watch deaths fixed.</summary>
/// <remarks>
/// autossh while watching: TERM/INT stop ssh and exit 1, USR1 restarts ssh, HUP/USR2 do nothing. Outside the
/// watch autossh dies by HUP/USR1/USR2 and, before <c>ssh_run</c>, by TERM/INT, leaving its pid file behind
/// (§7 item 18, acceptance C4). The drop-in instead: TERM/INT always exit 1 cleanly; HUP/USR2 are always
/// ignored; USR1 during the backoff sleep cuts the sleep short, at start-up it is ignored.
/// </remarks>
public static class AutosshSignals
{
    /// <summary>The action for <paramref name="signal"/> in <paramref name="phase"/>, with autossh's log line (or null).</summary>
    public static (AutosshSignalAction Action, AutosshLogLevel Level, string? Message) Decide(AutosshSignal signal, AutosshPhase phase) =>
        (signal, phase) switch
        {
            (AutosshSignal.Term or AutosshSignal.Int, AutosshPhase.Watching) => (AutosshSignalAction.StopAndExit, AutosshLogLevel.Info,
                string.Create(CultureInfo.InvariantCulture, $"received signal to exit ({(int)signal})")),
            (AutosshSignal.Term or AutosshSignal.Int, _) => (AutosshSignalAction.StopAndExit, AutosshLogLevel.Error, "signalled to exit"),
            (AutosshSignal.Usr1, AutosshPhase.Watching) => (AutosshSignalAction.RestartSsh, AutosshLogLevel.Info, "signalled to kill and restart ssh"),
            (AutosshSignal.Usr1, AutosshPhase.Backoff) => (AutosshSignalAction.SkipBackoff, AutosshLogLevel.Info, "signalled to restart ssh now"),
            _ => (AutosshSignalAction.Ignore, AutosshLogLevel.Debug, null),
        };
}
