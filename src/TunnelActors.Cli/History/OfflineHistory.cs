using System.Text.Json;
using Microsoft.Data.Sqlite;
using TunnelActors.Cli.Commands;
using TunnelActors.Cli.Control;
using TunnelActors.Cli.Runtime;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;

namespace TunnelActors.Cli.History;

/// <summary><c>history</c> without a daemon: the same rows from the journal file (read-only), plus one summary line per tunnel.</summary>
internal static class OfflineHistory
{
    /// <summary>The window of the summary lines (restarts are counted over the last hour and day within it).</summary>
    public static readonly TimeSpan SummaryWindow = TimeSpan.FromDays(1);

    /// <summary>Prints the events of <paramref name="tunnel"/> (or all) since <paramref name="since"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        string configPath, string? tunnel, DateTimeOffset since, int limit, bool json, TextWriter output, TextWriter error, TimeProvider time)
    {
        var loaded = ConfigurationBinder.Load(configPath);
        if (loaded.Settings is not { } settings)
        {
            foreach (var problem in loaded.Errors)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return ExitCodes.Failure;
        }

        var path = SqliteJournal.ResolvePath(settings.StateDir, settings.Journal.Path);
        if (JournalFileReader.TryOpen(path) is not { } reader)
        {
            await error.WriteLineAsync($"tunnelactors: the daemon is not running and there is no journal at {path}");
            return ExitCodes.Failure;
        }

        try
        {
            var known = reader.TunnelNames();
            if (tunnel is not null && !known.Contains(tunnel) && !settings.Tunnels.Any(t => t.Name == tunnel))
            {
                await error.WriteLineAsync($"tunnelactors: unknown tunnel '{tunnel}' (not in {configPath} nor in the journal)");
                return ExitCodes.UnknownTunnel;
            }

            await error.WriteLineAsync($"tunnelactors: the daemon is not running; reading the journal at {path}");
            var names = tunnel is not null ? [tunnel] : known;
            var rows = names
                .SelectMany(name => reader.Read(name, since, null, newestFirst: true, limit).Select(JournalHistory.ToEntry))
                .OrderByDescending(r => r.At).Take(limit).OrderBy(r => r.At).ToList();
            if (json)
            {
                await output.WriteAsync(JsonSerializer.Serialize(rows, ControlJsonContext.Default.ListTunnelHistoryEntry) + "\n");
                return ExitCodes.Ok;
            }

            await output.WriteAsync(HistoryTable.Render(rows, time.LocalTimeZone));
            var now = time.GetUtcNow();
            await output.WriteLineAsync();
            foreach (var name in names)
            {
                await output.WriteLineAsync(SummaryLine.Format(reader.Summary(name, SummaryWindow, now), time.LocalTimeZone));
            }

            return ExitCodes.Ok;
        }
        catch (SqliteException exception)
        {
            await error.WriteLineAsync($"tunnelactors: cannot read the journal at {path}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
