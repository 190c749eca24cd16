namespace TunnelActors.Core.Autossh;

/// <summary>A fatal start-up error of the drop-in: what to print and the exit status autossh would return.</summary>
/// <param name="ExitCode">The process exit status (autossh uses 1 for every start-up error, autossh.md §6.4).</param>
/// <param name="Message">The message, worded as autossh logs it (without program name or pid).</param>
/// <param name="ShowUsage">The usage text follows the message on stderr (getopt and minimum-argument errors).</param>
public sealed record AutosshError(int ExitCode, string Message, bool ShowUsage)
{
    /// <summary>A getopt or minimum-argument error: message (may be empty) plus usage, exit 1.</summary>
    public static AutosshError Usage(string message) => new(1, message, ShowUsage: true);

    /// <summary>A fatal error autossh reports through <c>xerrlog</c>: exit 1, no usage text.</summary>
    public static AutosshError Fatal(string message) => new(1, message, ShowUsage: false);
}
