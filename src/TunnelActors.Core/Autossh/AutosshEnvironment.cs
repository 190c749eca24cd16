using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>Every <c>AUTOSSH_*</c> variable, parsed as autossh 1.4g's <c>get_env_args()</c> does (autossh.md §2).</summary>
/// <param name="SshPath"><c>AUTOSSH_PATH</c>: the ssh program (default <c>/usr/bin/ssh</c>, looked up on PATH without a slash).</param>
/// <param name="Debug"><c>AUTOSSH_DEBUG</c> is set (even empty): log level 7 and a stderr copy of the log.</param>
/// <param name="LogLevel"><c>AUTOSSH_LOGLEVEL</c> (syslog levels 0..7, default 6 = info); 7 when <paramref name="Debug"/>.</param>
/// <param name="PollSeconds"><c>AUTOSSH_POLL</c>: seconds between connection tests (default 600), capped by the lifetime.</param>
/// <param name="FirstPollSeconds"><c>AUTOSSH_FIRST_POLL</c>: seconds before the first test after each ssh start (default POLL).</param>
/// <param name="GateTimeSeconds"><c>AUTOSSH_GATETIME</c>: the first ssh must live longer than this (default 30; <c>-f</c> forces 0).</param>
/// <param name="MaxStart"><c>AUTOSSH_MAXSTART</c>: at most this many ssh launches; -1 (default) is unlimited.</param>
/// <param name="Message"><c>AUTOSSH_MESSAGE</c>: text appended to each probe line (at most 64 bytes).</param>
/// <param name="Port"><c>AUTOSSH_PORT</c>: monitor port text like <c>-M</c>'s value, or null (unset or empty).</param>
/// <param name="MaxLifetimeSeconds"><c>AUTOSSH_MAXLIFETIME</c>: seconds from start until autossh stops ssh and exits 0; 0 is forever.</param>
/// <param name="PidFile"><c>AUTOSSH_PIDFILE</c>, or null (unset or empty).</param>
/// <param name="LogFile"><c>AUTOSSH_LOGFILE</c>: log to this file instead of syslog, or null.</param>
/// <param name="PosixlyCorrect"><c>POSIXLY_CORRECT</c> is set: glibc getopt does not permute (not autossh's, but it changes §1.4).</param>
/// <param name="Diagnostics">Errors (autossh exits 1) and warnings (autossh silently substitutes), in autossh's order.</param>
public sealed record AutosshEnvironment(
    string SshPath,
    bool Debug,
    int LogLevel,
    int PollSeconds,
    int FirstPollSeconds,
    double GateTimeSeconds,
    int MaxStart,
    string Message,
    string? Port,
    double MaxLifetimeSeconds,
    string? PidFile,
    string? LogFile,
    bool PosixlyCorrect,
    ImmutableArray<AutosshDiagnostic> Diagnostics)
{
    /// <summary>autossh's compiled-in ssh path on Debian (<c>SSH_PATH</c>).</summary>
    public const string DefaultSshPath = "/usr/bin/ssh";

    /// <summary><c>POLL_TIME</c>: default seconds between tests.</summary>
    public const int DefaultPollSeconds = 600;

    /// <summary><c>GATE_TIME</c>: default gate in seconds.</summary>
    public const int DefaultGateTimeSeconds = 30;

    /// <summary>Default log level: LOG_INFO.</summary>
    public const int DefaultLogLevel = 6;

    /// <summary><c>MAX_MESSAGE</c>: longest <c>AUTOSSH_MESSAGE</c> in bytes.</summary>
    public const int MaxMessageBytes = 64;

    /// <summary><c>TIMEO_NET</c>: the default network timeout of a test in milliseconds.</summary>
    public const int DefaultNetTimeoutMilliseconds = 15000;

    /// <summary>The values autossh uses when no variable is set.</summary>
    public static AutosshEnvironment Default { get; } = new(
        DefaultSshPath, false, DefaultLogLevel, DefaultPollSeconds, DefaultPollSeconds, DefaultGateTimeSeconds,
        -1, string.Empty, null, 0, null, null, false, []);

    /// <summary>Some variable has a value autossh refuses (exit 1).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == AutosshDiagnosticSeverity.Error);

    /// <summary>The timeout of one test step: 15 s, or POLL × 500 ms when that is shorter (autossh.c:391-396).</summary>
    /// <remarks>Computed in 64 bits, where autossh's <c>int</c> would overflow for a POLL above 2,147,483 s.</remarks>
    public int NetTimeoutMilliseconds => (int)Math.Min(DefaultNetTimeoutMilliseconds, PollSeconds * 1000L / 2);

    /// <summary>The net timeout was shortened (autossh logs <c>short poll time: adjusting net timeouts to %d</c>).</summary>
    public bool NetTimeoutAdjusted => PollSeconds * 1000L / 2 < DefaultNetTimeoutMilliseconds;

    /// <summary>Reads every variable through <paramref name="lookup"/> (null when a variable is unset).</summary>
    public static AutosshEnvironment Read(Func<string, string?> lookup) => AutosshEnvironmentParser.Parse(lookup);

    /// <summary>Reads every variable from a dictionary of the environment.</summary>
    public static AutosshEnvironment Read(IReadOnlyDictionary<string, string> variables) =>
        AutosshEnvironmentParser.Parse(name => variables.TryGetValue(name, out var value) ? value : null);
}
