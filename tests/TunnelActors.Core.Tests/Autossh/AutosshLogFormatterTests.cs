using System.Text.RegularExpressions;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>autossh's line formats (autossh.md §6.1, acceptance F1, F3).</summary>
public sealed partial class AutosshLogFormatterTests
{
    private static readonly AutosshLogEntry Entry = new(
        AutosshLogLevel.Info, new DateTimeOffset(2026, 11, 21, 23, 22, 36, TimeSpan.Zero), 14176, "starting ssh (count 1 of 9)");

    [Fact]
    public void FileLine_Entry_MatchesAutosshLogFile()
    {
        var line = AutosshLogFormatter.FileLine(Entry);

        Assert.Equal("2026/11/21 23:22:36 autossh[14176]: starting ssh (count 1 of 9)\n", line);
        Assert.Matches(F1Pattern(), line.TrimEnd('\n'));   // F1
    }

    [Fact]
    public void StderrLine_Entry_HasNoTimestamp()
    {
        Assert.Equal("autossh[14176]: starting ssh (count 1 of 9)\n", AutosshLogFormatter.StderrLine(Entry)); // F3
    }

    [Theory]
    [InlineData(AutosshLogLevel.Error, 2, "<11>Nov  2 07:05:09 autossh[14176]: m")]
    [InlineData(AutosshLogLevel.Info, 21, "<14>Nov 21 07:05:09 autossh[14176]: m")]
    [InlineData(AutosshLogLevel.Debug, 21, "<15>Nov 21 07:05:09 autossh[14176]: m")]
    public void SyslogDatagram_Entry_UsesUserFacilityAndPaddedDay(AutosshLogLevel level, int day, string expected)
    {
        var entry = new AutosshLogEntry(level, new DateTimeOffset(2026, 11, day, 7, 5, 9, TimeSpan.Zero), 14176, "m");

        Assert.Equal(expected, AutosshLogFormatter.SyslogDatagram(entry));
    }

    [GeneratedRegex(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} autossh\[\d+\]: .+$")]
    private static partial Regex F1Pattern();
}
