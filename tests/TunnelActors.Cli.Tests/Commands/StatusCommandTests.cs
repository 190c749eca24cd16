using System.Text.Json;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Commands;

[Collection(DaemonCollection.Name)]
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_Running_PrintsAnAlignedTable()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta-long-name"]);
        var now = DateTimeOffset.UtcNow;
        daemon.Controller.Statuses =
        [
            FakeTunnelController.Status("alpha", TunnelState.Up, now.AddMinutes(-5)),
            FakeTunnelController.Status("beta-long-name", TunnelState.BackingOff, now.AddSeconds(-20), restarts: 3, failure: "connection refused"),
        ];

        var (code, output, _) = await CliRunner.RunAsync("status", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^NAME +STATE +SINCE +RESTARTS +RTT +LAST FAILURE$", lines[0]);
        Assert.Matches(@"^alpha +up +5m(\d+s)? +0 +12 ms +-$", lines[1]);
        Assert.Matches(@"^beta-long-name +backing-off +2\ds +3 +- +2\ds ago: connection refused$", lines[2]);
        Assert.Equal(lines[0].IndexOf("STATE", StringComparison.Ordinal), lines[1].IndexOf("up", StringComparison.Ordinal));
        Assert.Equal(lines[0].IndexOf("RESTARTS", StringComparison.Ordinal), lines[2].IndexOf('3', StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusJson_Running_PrintsObjectsWithNameStateAndRestarts()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);

        var (code, output, _) = await CliRunner.RunAsync("status", "--json", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        var tunnels = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["alpha", "beta"], tunnels.Select(t => t.GetProperty("name").GetString()));
        Assert.All(tunnels, t => Assert.Equal("up", t.GetProperty("state").GetString()));
        Assert.All(tunnels, t => Assert.Equal(0, t.GetProperty("restarts").GetInt32()));
    }

    [Fact]
    public async Task StatusName_KnownTunnel_PrintsOnlyIt()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);

        var (code, output, _) = await CliRunner.RunAsync("status", "beta", "--json", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        Assert.Equal(["beta"], JsonDocument.Parse(output).RootElement.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task StatusName_UnknownTunnel_Exits4()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        var (code, output, error) = await CliRunner.RunAsync("status", "nope", "--socket", daemon.SocketPath);

        Assert.Equal(4, code);
        Assert.Empty(output);
        Assert.Contains("unknown tunnel 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoSocketFile_Exits3WithAClearMessage()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"ta-missing-{Guid.NewGuid():N}.sock");

        var (code, _, error) = await CliRunner.RunAsync("status", "--socket", socket);

        Assert.Equal(3, code);
        Assert.Contains($"the daemon is not running: no control socket at {socket}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_StaleSocketFile_Exits3()
    {
        var dir = Directory.CreateTempSubdirectory("ta-stale-").FullName;
        var socket = Path.Combine(dir, "control.sock");
        try
        {
            // What a killed daemon leaves behind: a path nobody accepts on (connect() answers ECONNREFUSED).
            await File.WriteAllTextAsync(socket, "");

            var (code, _, error) = await CliRunner.RunAsync("status", "--socket", socket);

            Assert.Equal(3, code);
            Assert.Contains("nothing listens on", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Status_UnknownOption_Exits2()
    {
        var (code, _, error) = await CliRunner.RunAsync("status", "a", "b");

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }
}
