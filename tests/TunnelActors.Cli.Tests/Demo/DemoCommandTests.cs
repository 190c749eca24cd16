using System.Text.RegularExpressions;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Demo;

/// <summary>The demo end to end: real sshds, the real supervisor, injected faults, recovery, clean-up.</summary>
public sealed partial class DemoCommandTests
{
    [RequiresLocalSshdFact]
    public async Task Demo_FaultsInjected_EveryFaultRecoversAndNothingIsLeftBehind()
    {
        var (code, output, error) = await CliRunner.RunAsync("demo", "--duration", "24", "--fault-every", "3", "--plain");

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("fault: killed the sshd session of 'web'", output, StringComparison.Ordinal);
        Assert.Contains("fault: froze the sshd session of 'db'", output, StringComparison.Ordinal);
        Assert.Contains("recovered: 'web' carries traffic again", output, StringComparison.Ordinal);
        Assert.Contains("recovered: 'db' carries traffic again", output, StringComparison.Ordinal);
        var summary = SummaryLine().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal(summary.Groups["injected"].Value, summary.Groups["recovered"].Value);
        var root = StateLine().Match(output).Groups["root"].Value;
        Assert.False(Directory.Exists(root), $"{root} was not removed");
    }

    [GeneratedRegex(@"demo summary: (?<injected>\d+) fault\(s\) injected, (?<recovered>\d+) recovered")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"state and logs: (?<root>\S+)")]
    private static partial Regex StateLine();
}
