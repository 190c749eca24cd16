namespace TunnelActors.Core.Autossh;

/// <summary>Where the drop-in's log goes and from which level (autossh.md §6.1).</summary>
/// <param name="LogFile">The file when <c>AUTOSSH_LOGFILE</c> is set; then nothing else is written.</param>
/// <param name="Syslog">Send to syslog (autossh's default destination).</param>
/// <param name="Stderr">Copy to stderr (<c>AUTOSSH_DEBUG</c>, or our fallback when there is no syslog).</param>
/// <param name="Threshold">Messages with a level above this are dropped.</param>
public sealed record AutosshLogPlan(string? LogFile, bool Syslog, bool Stderr, int Threshold)
{
    /// <summary>autossh's choice, plus one improvement.</summary>
    /// <param name="settings">The drop-in settings (log file, debug, level, background).</param>
    /// <param name="syslogAvailable">A syslog socket exists (<see cref="AutosshSyslogSink.IsAvailable"/>).</param>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Log file set: the file only, even with AUTOSSH_DEBUG (verified).</item>
    /// <item>Otherwise syslog, plus stderr with AUTOSSH_DEBUG; under <c>-f</c> stderr is /dev/null, so no copy.</item>
    /// <item>Improvement (§7 item 26): in the foreground without a syslog socket (containers), log to stderr
    /// instead of losing every message.</item>
    /// </list>
    /// </remarks>
    public static AutosshLogPlan Decide(AutosshSettings settings, bool syslogAvailable)
    {
        if (settings.LogFile is { } file)
        {
            return new AutosshLogPlan(file, false, false, settings.LogLevel);
        }

        var stderr = !settings.Background && (settings.Debug || !syslogAvailable);
        return new AutosshLogPlan(null, syslogAvailable, stderr, settings.LogLevel);
    }

    /// <summary>A message at <paramref name="level"/> is written (<c>level ≤ loglevel</c>).</summary>
    public bool Accepts(AutosshLogLevel level) => (int)level <= Threshold;
}
