using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Commands;

[Collection(DaemonCollection.Name)]
public sealed class StatusCommandExitCodeTests
{
    [Fact]
    public async Task StatusName_TunnelUp_Exits0()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        daemon.Controller.Statuses =
        [
            FakeTunnelController.Status("alpha", TunnelState.Up, DateTimeOffset.UtcNow),
            FakeTunnelController.Status("beta", TunnelState.BackingOff, DateTimeOffset.UtcNow, restarts: 1, failure: "connection refused"),
        ];

        var (code, output, _) = await CliRunner.RunAsync("status", "alpha", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        Assert.Contains("alpha", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TunnelState.BackingOff)]
    [InlineData(TunnelState.Connecting)]
    [InlineData(TunnelState.Failed)]
    [InlineData(TunnelState.Stopped)]
    public async Task StatusName_TunnelNotUp_Exits5(TunnelState state)
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        daemon.Controller.Statuses = [FakeTunnelController.Status("alpha", state, DateTimeOffset.UtcNow)];

        var (code, output, _) = await CliRunner.RunAsync("status", "alpha", "--socket", daemon.SocketPath);

        Assert.Equal(5, code);
        Assert.Contains("alpha", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusAll_SomeTunnelNotUp_Exits0()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        daemon.Controller.Statuses = [FakeTunnelController.Status("alpha", TunnelState.Failed, DateTimeOffset.UtcNow)];

        var (code, _, _) = await CliRunner.RunAsync("status", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
    }
}
