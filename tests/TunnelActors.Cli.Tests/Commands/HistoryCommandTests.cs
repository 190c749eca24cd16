using System.Security.Cryptography;
using System.Text.Json;
using TunnelActors.Cli.History;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;

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

    [Fact]
    public async Task History_NoDaemon_ReadsTheJournalAndPrintsASummaryLine()
    {
        using var dir = new TempStateDir();
        await dir.WriteEventsAsync();
        var before = SHA256.HashData(File.ReadAllBytes(dir.JournalPath));

        var (code, output, error) = await CliRunner.RunAsync("history", "alpha", "--since", "1h", "-c", dir.ConfigPath);

        Assert.Equal(0, code);
        Assert.Contains($"reading the journal at {dir.JournalPath}", error, StringComparison.Ordinal);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Matches("^TIME +TUNNEL +EVENT +INC +DETAIL$", lines[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +alpha +ssh-started +1 +pid 4242$", lines[1]);
        Assert.Matches(@" +alpha +ssh-exited +- +exit 255, connection-refused: ssh: connect to host 127\.0\.0\.1 port 22: Connection refused$", lines[3]);
        Assert.Matches(@"^alpha: restarts 1 in the last hour, 1 in the last day; availability [\d.]+% over 1d; MTBF \S+; MTTR \S+; last failure .* connection-refused: exit 255: ssh: connect to host", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains("beta", StringComparison.Ordinal));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(dir.JournalPath)));
    }

    [Fact]
    public async Task HistoryJson_NoDaemon_PrintsTheJournalRowsOfEveryTunnel()
    {
        using var dir = new TempStateDir();
        await dir.WriteEventsAsync();

        var (code, output, _) = await CliRunner.RunAsync("history", "--json", "-c", dir.ConfigPath);

        Assert.Equal(0, code);
        var entries = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(7, entries.Count);
        Assert.Equal(["alpha", "beta"], entries.Select(e => e.GetProperty("tunnel").GetString()).Distinct().Order());
        Assert.Contains(entries, e => e.GetProperty("event").GetString() == "restart-scheduled" && e.GetProperty("detail").GetString() == "attempt 1, in 2 s");
    }

    [Fact]
    public async Task History_NoDaemonNoJournal_SaysSoAndCreatesNothing()
    {
        using var dir = new TempStateDir();

        var (code, _, error) = await CliRunner.RunAsync("history", "-c", dir.ConfigPath);

        Assert.Equal(1, code);
        Assert.Contains($"no journal at {dir.JournalPath}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.JournalPath));
    }

    [Fact]
    public async Task History_NoDaemonNoConfig_Exits3WithTheHint()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"ta-missing-{Guid.NewGuid():N}.sock");

        var (code, _, error) = await CliRunner.RunAsync("history", "--socket", socket);

        Assert.Equal(3, code);
        Assert.Contains($"no control socket at {socket} (give -c FILE to read the journal without the daemon)", error, StringComparison.Ordinal);
    }

    private sealed class TempStateDir : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("ta-history-").FullName;

        public TempStateDir()
        {
            File.WriteAllText(ConfigPath, $$"""
                tunnelactors {
                  state-dir = "{{StateDir}}"
                  tunnels {
                    alpha { host = "127.0.0.1" }
                    beta { host = "127.0.0.1" }
                  }
                }
                """);
        }

        public string StateDir => Path.Combine(_root, "state");

        public string ConfigPath => Path.Combine(_root, "tunnels.conf");

        public string JournalPath => Path.Combine(StateDir, "journal.db");

        public async Task WriteEventsAsync()
        {
            var settings = ConfigurationBinder.Load(ConfigPath).GetSettingsOrThrow();
            await using var journal = await SqliteJournal.OpenAsync(settings.StateDir, settings.Journal, TimeProvider.System);
            journal.Append("alpha", new SshStarted(4242, 1, "digest"));
            journal.Append("alpha", new TunnelUp(TimeSpan.FromMilliseconds(3)));
            journal.Append("alpha", new SshExited(255, null, "connection-refused", "ssh: connect to host 127.0.0.1 port 22: Connection refused\n"));
            journal.Append("alpha", new RestartScheduled(1, TimeSpan.FromSeconds(2)));
            journal.Append("alpha", new SshStarted(4243, 2, "digest"));
            journal.Append("alpha", new TunnelUp(TimeSpan.FromMilliseconds(4)));
            journal.Append("beta", new SshStarted(5000, 1, "digest"));
            await journal.FlushAsync();
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
