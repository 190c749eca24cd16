using System.Text;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The probe line of autossh.md §3 (acceptance E1).</summary>
public sealed class AutosshProbeTests
{
    [Theory]
    [InlineData("vm", 27844, 381815724L, "", "vm autossh 27844 381815724 \r\n")]                     // observed, 29 bytes
    [InlineData("vm", 28028, 1125753851L, "hello-msg", "vm autossh 28028 1125753851 hello-msg\r\n")] // observed
    public void Line_Values_MatchesObservedBytes(string node, int pid, long id, string message, string expected)
    {
        var line = AutosshProbe.Line(node, pid, id, message);

        Assert.Equal(expected, line);
    }

    [Fact]
    public void Line_EmptyMessage_Is29BytesAsObserved() =>
        Assert.Equal(29, Encoding.ASCII.GetByteCount(AutosshProbe.Line("vm", 27844, 381815724, "")!));

    [Fact]
    public void Line_TooLongForAutosshBuffer_IsNull()
    {
        var longHost = new string('h', 120);

        Assert.Null(AutosshProbe.Line(longHost, 1, 1, new string('m', 64)));
        Assert.NotNull(AutosshProbe.Line(new string('h', 64), 99999, 2147483647, new string('m', 64)));
    }

    [Theory]
    [InlineData("a autossh 1 2 \r\n", true)]
    [InlineData("a autossh 1 2 \r\nEXTRA", true)]      // only strlen(probe) bytes are compared
    [InlineData("A AUTOSSH 1 2 \r\n", false)]          // E3: a mangling echo
    [InlineData("a autossh 1 2 \r", false)]            // early EOF
    public void Matches_Reply_ComparesProbeLengthPrefix(string reply, bool ok) =>
        Assert.Equal(ok, AutosshProbe.Matches("a autossh 1 2 \r\n", Encoding.ASCII.GetBytes(reply)));
}
