using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>What the detached child of <c>-f</c> tells the waiting parent: one line, <c>ready</c> or
/// <c>exit &lt;status&gt; &lt;reason&gt;</c> (see DEVIATIONS.md row 31).</summary>
/// <param name="ExitCode">The child's exit status, or null when it is ready (pid file written, first ssh started).</param>
/// <param name="Reason">Why it exits, on one line (may be empty); empty when ready.</param>
public sealed record AutosshReadiness(int? ExitCode, string Reason)
{
    /// <summary>Longest reason sent: the whole line stays below PIPE_BUF (4096), so the one write is atomic.</summary>
    public const int MaxReasonLength = 1000;

    private const string ReadyWord = "ready";
    private const string ExitWord = "exit";

    /// <summary>The child is ready: its pid file is written and its first ssh runs.</summary>
    public static AutosshReadiness Ready { get; } = new(null, string.Empty);

    /// <summary>Whether this is the ready report.</summary>
    public bool IsReady => ExitCode is null;

    /// <summary>The child ends with <paramref name="exitCode"/> before (or instead of) being ready.</summary>
    public static AutosshReadiness Exited(int exitCode, string? reason) => new(exitCode, OneLine(reason));

    /// <summary>The line as written to the pipe, newline included.</summary>
    public string ToLine() => IsReady
        ? ReadyWord + "\n"
        : string.Create(CultureInfo.InvariantCulture, $"{ExitWord} {ExitCode} {Reason}").TrimEnd() + "\n";

    /// <summary>Reads a line as <see cref="ToLine"/> writes it (without its newline); null for anything else.</summary>
    public static AutosshReadiness? Parse(string? line)
    {
        if (line == ReadyWord)
        {
            return Ready;
        }

        var words = line?.Split(' ', 3);
        if (words is not [ExitWord, var status, ..]
            || !int.TryParse(status, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode))
        {
            return null;
        }

        return Exited(exitCode, words.Length == 3 ? words[2] : null);
    }

    private static string OneLine(string? reason)
    {
        var text = (reason ?? string.Empty).ReplaceLineEndings(" ").Trim();
        if (text.Length <= MaxReasonLength)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        var length = char.IsHighSurrogate(text[MaxReasonLength - 1]) ? MaxReasonLength - 1 : MaxReasonLength;
        return text[..length];
    }
}
