using System.Globalization;
using System.Text;

namespace TunnelActors.Core.Autossh;

/// <summary>autossh's probe line (autossh.md §3): <c>"%s %s %d %ld %s\r\n"</c> = nodename, <c>autossh</c>, pid, id, message.</summary>
/// <remarks>
/// With an empty message the line ends in a space before CR LF (observed: <c>vm autossh 27844 381815724 \r\n</c>).
/// Both attempts of one test reuse the id; a new id (autossh: <c>random()</c>) is drawn per test.
/// </remarks>
public static class AutosshProbe
{
    /// <summary>autossh's buffer on Linux: 64 (host) + 65 (message) + 64 bytes; a longer line is fatal (<c>conn_test: buffer overflow</c>).</summary>
    public const int MaxLineBytes = 193;

    /// <summary>The probe line, or null when it would not fit autossh's buffer.</summary>
    /// <param name="nodeName">The host name (<c>uname -n</c>).</param>
    /// <param name="pid">The supervisor's pid.</param>
    /// <param name="id">The per-test id (a non-negative 31-bit value in autossh).</param>
    /// <param name="message">AUTOSSH_MESSAGE.</param>
    public static string? Line(string nodeName, int pid, long id, string message)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{nodeName} {AutosshLogFormatter.Ident} {pid} {id} {message}\r\n");
        return Encoding.UTF8.GetByteCount(line) < MaxLineBytes ? line : null;
    }

    /// <summary>A reply is good when its first <c>strlen(probe)</c> bytes equal the probe exactly (extra bytes are ignored).</summary>
    public static bool Matches(string probe, ReadOnlySpan<byte> reply)
    {
        var expected = Encoding.UTF8.GetBytes(probe);
        return reply.Length >= expected.Length && reply[..expected.Length].SequenceEqual(expected);
    }
}
