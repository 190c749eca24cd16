using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal.Storage;
using TunnelActors.Core.Journal.Writing;

namespace TunnelActors.Core.Journal;

/// <summary>Opens the journal on its SQLite file in the state directory.</summary>
public static class SqliteJournal
{
    /// <summary>The file name used when the configured path is empty.</summary>
    public const string DefaultFileName = "journal.db";

    /// <summary>Opens (creating or migrating) the journal at <paramref name="settings"/>' path under <paramref name="stateDir"/>.</summary>
    public static Task<EventJournal> OpenAsync(
        string stateDir,
        JournalSettings settings,
        TimeProvider time,
        ILogger? logger = null,
        JournalOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var start = JournalStartOptions.From(settings, options);
        var store = new SqliteJournalStore(ResolvePath(stateDir, settings.Path), new SqliteJournalStoreOptions(start.Options.BusyTimeout));
        return OpenAsync(store, start, time, logger, cancellationToken);
    }

    /// <summary>Opens the journal on an existing <paramref name="store"/> (tests use this to reach the store's seams).</summary>
    public static async Task<EventJournal> OpenAsync(
        SqliteJournalStore store, JournalStartOptions start, TimeProvider time, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await EventJournal.OpenAsync(store, start, time, logger ?? NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The journal file: <paramref name="path"/> if absolute, otherwise under <paramref name="stateDir"/>.</summary>
    public static string ResolvePath(string stateDir, string path) =>
        Path.GetFullPath(Path.Combine(stateDir, string.IsNullOrWhiteSpace(path) ? DefaultFileName : path));
}
