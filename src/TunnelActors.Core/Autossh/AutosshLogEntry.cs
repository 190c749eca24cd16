namespace TunnelActors.Core.Autossh;

/// <summary>One log message of the drop-in.</summary>
/// <param name="Level">Its syslog level.</param>
/// <param name="LocalTime">When it was logged, in local time (autossh uses <c>localtime</c>).</param>
/// <param name="Pid">The pid of the logging process.</param>
/// <param name="Message">The text, without prefix or newline.</param>
public sealed record AutosshLogEntry(AutosshLogLevel Level, DateTimeOffset LocalTime, int Pid, string Message);
