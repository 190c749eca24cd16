using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_WithoutConfig_Exits2()
    {
        var (code, _, error) = await CliRunner.RunAsync("run");

        Assert.Equal(2, code);
        Assert.Contains("--config", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigTheLoaderRejects_Exits1WithoutStarting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"ta-missing-{Guid.NewGuid():N}.conf");

        var (code, _, error) = await CliRunner.RunAsync("run", "-c", missing);

        Assert.Equal(1, code);
        Assert.Contains($"{missing} is invalid, not starting", error, StringComparison.Ordinal);
    }
}
