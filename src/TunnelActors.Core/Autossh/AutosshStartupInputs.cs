namespace TunnelActors.Core.Autossh;

/// <summary>What <see cref="AutosshStartup.Begin"/> reads: the process's arguments, environment and standard streams.</summary>
/// <param name="Args">Command-line arguments after <c>autossh</c>.</param>
/// <param name="Environment">Environment lookup (null when unset).</param>
/// <param name="Stdout">Standard output (<c>-V</c>).</param>
/// <param name="Stderr">Standard error (usage, errors, warnings, the debug copy of the log).</param>
/// <param name="Time">Clock for log timestamps.</param>
/// <param name="Pid">This process's pid (log lines, pid file).</param>
/// <param name="WorkingDirectory">The directory started in (relative log and pid files).</param>
/// <param name="SyslogSocket">The syslog socket, normally <see cref="AutosshSyslogSink.DefaultSocketPath"/>.</param>
/// <param name="ProgramName">argv[0] as shown in getopt messages.</param>
/// <param name="Dialect">Improved (the drop-in) or reference behaviour.</param>
public sealed record AutosshStartupInputs(
    IReadOnlyList<string> Args,
    Func<string, string?> Environment,
    TextWriter Stdout,
    TextWriter Stderr,
    TimeProvider Time,
    int Pid,
    string WorkingDirectory,
    string SyslogSocket = AutosshSyslogSink.DefaultSocketPath,
    string ProgramName = "autossh",
    AutosshDialect Dialect = AutosshDialect.Improved);
