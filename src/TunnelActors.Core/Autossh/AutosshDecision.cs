namespace TunnelActors.Core.Autossh;

/// <summary>A verdict with the line autossh logs for it.</summary>
/// <param name="Verdict">Restart, exit 0 or exit 1.</param>
/// <param name="Level">The level of <paramref name="Message"/>.</param>
/// <param name="Message">autossh's log message, word for word.</param>
public sealed record AutosshDecision(AutosshVerdict Verdict, AutosshLogLevel Level, string Message)
{
    /// <summary>The exit status of the drop-in for this verdict, or null for a restart.</summary>
    public int? ExitCode => Verdict switch
    {
        AutosshVerdict.ExitOk => 0,
        AutosshVerdict.ExitError => 1,
        _ => null,
    };
}
