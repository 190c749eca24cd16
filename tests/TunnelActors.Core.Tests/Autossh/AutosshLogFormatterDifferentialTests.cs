using System.Globalization;
using System.Text.RegularExpressions;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Re-renders every line the real autossh wrote (log file F1, stderr F3) with our formatter and compares.</summary>
public sealed partial class AutosshLogFormatterDifferentialTests : IDisposable
{
    private readonly ReferenceAutossh _reference = new();

    [RequiresAutosshFact]
    public void FileLine_RealAutosshLogFile_RendersIdentically()
    {
        // Arrange
        var logFile = Path.Combine(_reference.WorkDirectory, "f1.log");
        var real = _reference.Run(["-M", "0", "host"], new Dictionary<string, string> { ["AUTOSSH_LOGFILE"] = logFile, ["AUTOSSH_DEBUG"] = "1" });
        var lines = File.ReadAllLines(logFile);

        // Act
        var rendered = lines.Select(line =>
        {
            var match = FileLinePattern().Match(line);
            Assert.True(match.Success, line);   // F1
            var time = DateTime.ParseExact(match.Groups[1].Value, "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            var entry = new AutosshLogEntry(AutosshLogLevel.Info, new DateTimeOffset(time, TimeSpan.Zero),
                int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value);
            return AutosshLogFormatter.FileLine(entry).TrimEnd('\n');
        }).ToArray();

        // Assert
        Assert.Equal(0, real.ExitCode);
        Assert.Contains(lines, l => l.EndsWith("ssh exited with status 0; autossh exiting", StringComparison.Ordinal));
        Assert.Equal(lines, rendered);
    }

    [RequiresAutosshFact]
    public void StderrLine_RealAutosshDebugWithoutLogFile_RendersIdentically()
    {
        // Arrange: F3, AUTOSSH_DEBUG and no log file.
        var real = _reference.Run(["-M", "0", "host"], new Dictionary<string, string> { ["AUTOSSH_DEBUG"] = "1" }, withLogFile: false);
        var lines = real.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Act
        var rendered = lines.Select(line =>
        {
            var match = StderrLinePattern().Match(line);
            Assert.True(match.Success, line);
            var entry = new AutosshLogEntry(AutosshLogLevel.Debug, DateTimeOffset.UnixEpoch, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value);
            return AutosshLogFormatter.StderrLine(entry).TrimEnd('\n');
        }).ToArray();

        // Assert
        Assert.Contains(lines, l => l.Contains("check on child", StringComparison.Ordinal));
        Assert.Equal(lines, rendered);
    }

    public void Dispose() => _reference.Dispose();

    [GeneratedRegex(@"^(\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) autossh\[(\d+)\]: (.+)$")]
    private static partial Regex FileLinePattern();

    [GeneratedRegex(@"^autossh\[(\d+)\]: (.+)$")]
    private static partial Regex StderrLinePattern();
}
