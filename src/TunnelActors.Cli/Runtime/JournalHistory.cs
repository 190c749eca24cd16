using System.Globalization;
using TunnelActors.Cli.History;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Cli.Runtime;

/// <summary>Reads journal events as <see cref="TunnelHistoryEntry"/> rows for the control API and the CLI.</summary>
internal static class JournalHistory
{
    /// <summary>Events of <paramref name="tunnel"/> (or of every tunnel) since <paramref name="since"/>, oldest first, the newest <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<TunnelHistoryEntry>> ReadAsync(
        EventJournal journal, string? tunnel, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var names = tunnel is not null
            ? [tunnel]
            : journal.AllCounters.Select(c => c.PersistenceId).Where(id => id != EventKinds.DaemonStream).ToList();
        var rows = new List<TunnelHistoryEntry>();
        foreach (var name in names)
        {
            var page = await journal.ReadEventsAsync(new EventQuery(name, From: since, NewestFirst: true, Limit: limit), cancellationToken: cancellationToken);
            rows.AddRange(page.Entries.Select(ToEntry));
        }

        return [.. rows.OrderByDescending(r => r.At).Take(limit).OrderBy(r => r.At)];
    }

    /// <summary>One journal entry as a history row with a readable detail.</summary>
    public static TunnelHistoryEntry ToEntry(JournalEntry entry)
    {
        var (incarnation, detail) = entry.Event switch
        {
            SshStarted s => ((int?)s.Incarnation, $"pid {s.Pid.ToString(CultureInfo.InvariantCulture)}"),
            TunnelUp u => (null, $"first probe answered in {u.Rtt.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms"),
            ProbeFailed p => (null, p.Reason),
            SshExited x => (null, Exit(x)),
            RestartScheduled r => (null, $"attempt {r.Attempt.ToString(CultureInfo.InvariantCulture)}, in {r.Delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"),
            GaveUp g => (null, g.Reason),
            StoppedByOperator o => (null, o.Reason),
            StoppedByReload r => (null, $"config {r.ConfigurationDigest[..Math.Min(12, r.ConfigurationDigest.Length)]}"),
            ConfigurationLoaded c => (null, $"config {c.Digest[..Math.Min(12, c.Digest.Length)]}"),
            ConfigurationReloaded c => (null, $"config {c.Digest[..Math.Min(12, c.Digest.Length)]}"),
            _ => ((int?)null, (string?)null),
        };
        return new TunnelHistoryEntry(entry.Timestamp, entry.PersistenceId, entry.Kind, incarnation, detail);
    }

    private static string Exit(SshExited x)
    {
        var status = x.Signal is { } signal ? $"signal {signal.ToString(CultureInfo.InvariantCulture)}" : $"exit {x.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
        var lastLine = x.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return lastLine is null ? $"{status}, {x.FailureClass}" : $"{status}, {x.FailureClass}: {lastLine}";
    }
}
