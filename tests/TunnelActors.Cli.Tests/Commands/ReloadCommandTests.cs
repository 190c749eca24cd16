using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Commands;

[Collection(DaemonCollection.Name)]
public sealed class ReloadCommandTests
{
    [Fact]
    public async Task Reload_ValidFile_PrintsTheDiffAndExits0()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        daemon.WriteConfig("beta", "gamma");

        var (code, output, _) = await CliRunner.RunAsync("reload", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        Assert.Equal("reloaded: added [gamma], removed [alpha], changed [], 1 unchanged\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Reload_InvalidFile_PrintsEveryErrorAndExits1()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        daemon.WriteConfig("!first problem", "alpha", "!second problem");

        var (code, _, error) = await CliRunner.RunAsync("reload", "--socket", daemon.SocketPath);

        Assert.Equal(1, code);
        Assert.Contains("previous configuration keeps running", error, StringComparison.Ordinal);
        Assert.Contains($"{daemon.ConfigPath}:1:1: first problem", error, StringComparison.Ordinal);
        Assert.Contains($"{daemon.ConfigPath}:3:1: second problem", error, StringComparison.Ordinal);
        Assert.Empty(daemon.Controller.AppliedSettings);
    }
}
