using System.Collections.Immutable;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Autossh;

/// <summary>Everything the drop-in runs with: the tunnel for the actors plus what only autossh has.</summary>
/// <param name="Tunnel">The one tunnel, in the project's terms, with the remote command words after the destination (the
/// monitor forwards are added by the tunnel layer).</param>
/// <param name="MonitorPort">The <c>-M</c>/<c>AUTOSSH_PORT</c> choice, or null for an automatically chosen loop port.</param>
/// <param name="PollSeconds">AUTOSSH_POLL after lifetime capping; <see cref="AutosshGraceTime"/> needs it.</param>
/// <param name="ProbeMessage">AUTOSSH_MESSAGE, appended to each probe line.</param>
/// <param name="PidFile">AUTOSSH_PIDFILE, or null.</param>
/// <param name="LogFile">AUTOSSH_LOGFILE, or null.</param>
/// <param name="LogLevel">The log threshold (0..7); 7 with AUTOSSH_DEBUG.</param>
/// <param name="Debug">AUTOSSH_DEBUG: also copy the log to stderr (when there is no log file).</param>
/// <param name="Background"><c>-f</c>: detach; the gate is already 0 in <see cref="Tunnel"/>.</param>
/// <param name="Warnings">Environment warnings to log once logging is set up.</param>
public sealed record AutosshSettings(
    TunnelSettings Tunnel,
    AutosshMonitorPort? MonitorPort,
    int PollSeconds,
    string ProbeMessage,
    string? PidFile,
    string? LogFile,
    int LogLevel,
    bool Debug,
    bool Background,
    ImmutableArray<AutosshDiagnostic> Warnings);
