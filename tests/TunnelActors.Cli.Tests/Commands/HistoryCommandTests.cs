using System.Text.Json;
using TunnelActors.Cli.History;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Commands;

[Collection(DaemonCollection.Name)]
public sealed class HistoryCommandTests
{
    [Fact]
    public async Task History_WithJournal_PrintsEventsOfTheTunnel()
    {
        var now = DateTimeOffset.UtcNow;
        var history = new FakeHistory(
        [
            new TunnelHistoryEntry(now.AddMinutes(-30), "alpha", "ssh-exited", 1, "exit 255: connection refused"),
            new TunnelHistoryEntry(now.AddMinutes(-29), "alpha", "ssh-started", 2, null),
            new TunnelHistoryEntry(now.AddMinutes(-3), "beta", "ssh-started", 1, null),
        ]);
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"], history);

        var (code, output, _) = await CliRunner.RunAsync("history", "alpha", "--since", "2h", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Matches("^TIME +TUNNEL +EVENT +INC +DETAIL$", lines[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +alpha +ssh-exited +1 +exit 255: connection refused$", lines[1]);
        Assert.Equal(3, lines.Length);
        Assert.Equal("alpha", history.LastQuery?.Tunnel);
    }

    [Fact]
    public async Task HistoryJson_AllTunnels_PrintsEveryEvent()
    {
        var now = DateTimeOffset.UtcNow;
        var history = new FakeHistory([new TunnelHistoryEntry(now.AddMinutes(-1), "beta", "probe-failed", 1, "timeout")]);
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"], history);

        var (code, output, _) = await CliRunner.RunAsync("history", "--json", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        var entry = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal("probe-failed", entry.GetProperty("event").GetString());
        Assert.Equal("beta", entry.GetProperty("tunnel").GetString());
    }

    [Fact]
    public async Task History_NoJournal_Exits1WithTheReason()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        var (code, _, error) = await CliRunner.RunAsync("history", "--socket", daemon.SocketPath);

        Assert.Equal(1, code);
        Assert.Contains("no event journal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_MalformedSince_Exits2()
    {
        var (code, _, error) = await CliRunner.RunAsync("history", "--since", "a while");

        Assert.Equal(2, code);
        Assert.Contains("Invalid --since", error, StringComparison.Ordinal);
    }
}
