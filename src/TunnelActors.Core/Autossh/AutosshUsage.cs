namespace TunnelActors.Core.Autossh;

/// <summary>autossh 1.4g's version line and usage text (Debian wording, autossh.md §1.2).</summary>
public static class AutosshUsage
{
    /// <summary>The version autossh reports.</summary>
    public const string Version = "1.4g";

    /// <summary>What <c>-V</c> prints to stdout (<c>"%s %s\n"</c> with the program name), without the newline.</summary>
    public const string VersionLine = "autossh " + Version;

    /// <summary>The usage text autossh writes to stderr before exiting 1, ending in a blank line.</summary>
    public const string Text = """
        usage: autossh [-V] [-M monitor_port[:echo_port]] [-f] [SSH_OPTIONS]

            -M specifies monitor port. Overrides the environment
               variable AUTOSSH_PORT. 0 turns monitoring loop off.
               Alternatively, a port for an echo service on the remote
               machine may be specified. (Normally port 7.)
            -f run in background (autossh handles this, and does not
               pass it to ssh.)
            -V print autossh version and exit.

        Environment variables are:
            AUTOSSH_GATETIME    - how long must an ssh session be established
                                  before we decide it really was established
                                  (in seconds). Default is 30 seconds; use of -f
                                  flag sets this to 0.
            AUTOSSH_LOGFILE     - file to log to (default is to use the syslog
                                  facility)
            AUTOSSH_LOGLEVEL    - level of log verbosity
            AUTOSSH_MAXLIFETIME - set the maximum time to live (seconds)
            AUTOSSH_MAXSTART    - max times to restart (default is no limit)
            AUTOSSH_MESSAGE     - message to append to echo string (max 64 bytes)
            AUTOSSH_PATH        - path to ssh if not default
            AUTOSSH_PIDFILE     - write pid to this file
            AUTOSSH_POLL        - how often to check the connection (seconds)
            AUTOSSH_FIRST_POLL  - time before first connection check (seconds)
            AUTOSSH_PORT        - port to use for monitor connection
            AUTOSSH_DEBUG       - turn logging to maximum verbosity and log to
                                  stderr


        """;

    /// <summary>What goes to stderr for <paramref name="error"/>.</summary>
    /// <remarks>
    /// Usage errors are byte for byte autossh's (glibc's <c>argv0: message</c> line, then the usage text).
    /// Fatal errors go only to syslog or the log file in autossh (autossh.md §7 item 24); we also print
    /// <c>argv0: message</c> so that a failing start is never silent.
    /// </remarks>
    public static string ErrorText(AutosshError error, string programName)
    {
        var line = error.Message.Length > 0 ? $"{programName}: {error.Message}\n" : string.Empty;
        return error.ShowUsage ? line + Text : line;
    }
}
