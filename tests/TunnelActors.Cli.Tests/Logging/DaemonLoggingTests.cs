using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TunnelActors.Cli.Logging;

namespace TunnelActors.Cli.Tests.Logging;

public sealed class DaemonLoggingTests
{
    [Theory]
    [InlineData("JOURNAL_STREAM", "8:12345", "journald")]
    [InlineData("INVOCATION_ID", "0123abcd", "journald")]
    [InlineData("TERM", "xterm", "simple")]
    public void Configure_Environment_PicksTheJournalFormatUnderSystemd(string variable, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => DaemonLogging.Configure(logging, name => name == variable ? value : null));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(expected, options.FormatterName ?? "simple");
        Assert.NotNull(provider.GetRequiredService<ILoggerFactory>());
    }

    [Fact]
    public void Configure_UnderJournal_RegistersTheJournaldFormatter()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => DaemonLogging.Configure(logging, name => name == "INVOCATION_ID" ? "0123abcd" : null));
        using var provider = services.BuildServiceProvider();

        var formatters = provider.GetServices<ConsoleFormatter>().Select(f => f.Name).ToList();

        Assert.Contains(JournaldConsoleFormatter.FormatterName, formatters);
    }
}
