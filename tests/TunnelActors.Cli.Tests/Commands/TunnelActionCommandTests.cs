using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Commands;

[Collection(DaemonCollection.Name)]
public sealed class TunnelActionCommandTests
{
    [Theory]
    [InlineData("restart", "alpha: restarting")]
    [InlineData("stop", "alpha: stopped")]
    [InlineData("start", "alpha: starting")]
    public async Task Action_KnownTunnel_ReachesTheSupervisorAndExits0(string action, string expected)
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        var (code, output, _) = await CliRunner.RunAsync(action, "alpha", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        Assert.Equal(expected + "\n", output.ReplaceLineEndings("\n"));
        Assert.Equal([(action, "alpha")], daemon.Controller.Actions);
    }

    [Theory]
    [InlineData("restart")]
    [InlineData("stop")]
    [InlineData("start")]
    public async Task Action_UnknownTunnel_Exits4(string action)
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        var (code, _, error) = await CliRunner.RunAsync(action, "nope", "--socket", daemon.SocketPath);

        Assert.Equal(4, code);
        Assert.Contains("unknown tunnel 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_DaemonNotRunning_Exits3()
    {
        var (code, _, _) = await CliRunner.RunAsync("restart", "alpha", "--socket", Path.Combine(Path.GetTempPath(), $"ta-none-{Guid.NewGuid():N}.sock"));

        Assert.Equal(3, code);
    }

    [Fact]
    public async Task Action_MissingName_Exits2()
    {
        var (code, _, _) = await CliRunner.RunAsync("restart");

        Assert.Equal(2, code);
    }
}
