using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Cli.Logging;

namespace TunnelActors.Cli.Tests.Logging;

public sealed class JournaldConsoleFormatterTests
{
    [Theory]
    [InlineData(LogLevel.Critical, "<2>")]
    [InlineData(LogLevel.Error, "<3>")]
    [InlineData(LogLevel.Warning, "<4>")]
    [InlineData(LogLevel.Information, "<6>")]
    [InlineData(LogLevel.Debug, "<7>")]
    public void Write_EachLevel_PrefixesTheSyslogPriorityAndShortCategory(LogLevel level, string prefix)
    {
        var text = Format(level, "tunnel alpha is up", null);

        Assert.Equal($"{prefix}TunnelHostService: tunnel alpha is up\n", text);
    }

    [Fact]
    public void Write_MultiLineMessageWithException_PrefixesEveryLineWithoutColours()
    {
        var exception = new InvalidOperationException("boom");

        var lines = Format(LogLevel.Error, "first\nsecond", exception).TrimEnd('\n').Split('\n');

        Assert.True(lines.Length >= 3);
        Assert.All(lines, line => Assert.StartsWith("<3>", line, StringComparison.Ordinal));
        Assert.Equal("<3>second", lines[1]);
        Assert.Contains(lines, line => line.Contains("InvalidOperationException: boom", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain('\u001b', line));
    }

    private static string Format(LogLevel level, string message, Exception? exception)
    {
        var formatter = new JournaldConsoleFormatter();
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "TunnelActors.Cli.Hosting.TunnelHostService", new EventId(1), message, exception, (s, _) => s);
        formatter.Write(entry, null, writer);
        return writer.ToString();
    }
}
