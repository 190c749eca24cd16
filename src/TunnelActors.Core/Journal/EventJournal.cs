using Microsoft.Extensions.Logging;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Queries;
using TunnelActors.Core.Journal.Recovery;
using TunnelActors.Core.Journal.Storage;
using TunnelActors.Core.Journal.Writing;

namespace TunnelActors.Core.Journal;

/// <summary>The tunnel event journal: non-blocking appends, live counters, queries, summaries and retention over an <see cref="IJournalStore"/>.</summary>
/// <remarks>Thread-safe. Open with <see cref="SqliteJournal"/> (or <see cref="OpenAsync"/> for another store); dispose to drain and close.</remarks>
public sealed class EventJournal : IAsyncDisposable
{
    private const int PrimingEvents = 1000;
    private readonly IJournalStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JournalWriter _writer;
    private readonly RetentionPolicy _retention;

    private EventJournal(IJournalStore store, TimeProvider time, ILogger logger, JournalWriter writer, RetentionPolicy retention)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _writer = writer;
        _retention = retention;
    }

    /// <summary>Initializes <paramref name="store"/>, recovers every tunnel's counters (snapshot + later events) and starts the writer.</summary>
    /// <remarks>
    /// Never fails because of the store: if it cannot be opened or read (locked, corrupt, unreadable), the failure is logged
    /// and reported in <see cref="Health"/>, appends are buffered, and the writer retries opening with backoff.
    /// </remarks>
    public static async Task<EventJournal> OpenAsync(
        IJournalStore store, JournalStartOptions start, TimeProvider time, ILogger logger, CancellationToken cancellationToken = default)
    {
        RecoveredJournal? recovered = null;
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            recovered = await JournalRecovery.RecoverAllAsync(store, cancellationToken).ConfigureAwait(false);
            JournalLog.Opened(logger, store is SqliteJournalStore sqlite ? sqlite.Path : store.GetType().Name, recovered.Counters.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JournalLog.OpenDeferred(logger, e);
        }

        var writer = new JournalWriter(store, time, logger, start.Options, start.BufferCapacity, start.SnapshotEvery);
        writer.Start(recovered);
        return new EventJournal(store, time, logger, writer, start.Retention);
    }

    /// <summary>Counts of pending, written and dropped events and the last storage error.</summary>
    public JournalHealth Health => _writer.Health;

    /// <summary>Every tunnel's counters as of the last committed event.</summary>
    public IReadOnlyCollection<TunnelCounters> AllCounters => _writer.AllCounters;

    /// <summary>Appends one event for <paramref name="persistenceId"/> without waiting; false if it was dropped (buffer full or closing).</summary>
    public bool Append(string persistenceId, TunnelEvent @event) => _writer.AppendAll(persistenceId, [@event]);

    /// <summary>Appends events that are stored all or none, in one transaction, without waiting; false if they were dropped.</summary>
    public bool AppendAll(string persistenceId, IReadOnlyList<TunnelEvent> events) => _writer.AppendAll(persistenceId, events);

    /// <summary>Completes when every event appended before the call is committed (or counted as lost).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <summary>The highest sequence number assigned to <paramref name="persistenceId"/> (0 if none); never decreases.</summary>
    public long HighestSequenceNr(string persistenceId) => _writer.HighestSequenceNr(persistenceId);

    /// <summary>The counters of <paramref name="persistenceId"/> as of its last committed event.</summary>
    public TunnelCounters GetCounters(string persistenceId) => _writer.Counters(persistenceId);

    /// <summary>One page of committed events matching <paramref name="query"/>; pass the returned cursor back to continue.</summary>
    public async Task<EventPage> ReadEventsAsync(EventQuery query, long? cursor = null, CancellationToken cancellationToken = default)
    {
        var paged = cursor is not { } c ? query
            : query.NewestFirst ? query with { MaxSequenceNr = Math.Min(c - 1, query.MaxSequenceNr ?? long.MaxValue) }
            : query with { MinSequenceNr = Math.Max(c + 1, query.MinSequenceNr ?? 0) };
        var rows = await _store.ReadEventsAsync(paged, cancellationToken).ConfigureAwait(false);
        var entries = rows.Select(JournalRecovery.Decode).ToList();
        return new EventPage(entries, entries.Count == query.Limit && entries.Count > 0 ? entries[^1].SequenceNr : null);
    }

    /// <summary>Restarts, availability, MTBF, MTTR and last failure of <paramref name="persistenceId"/> over the <paramref name="window"/> ending now.</summary>
    public async Task<TunnelSummary> GetSummaryAsync(string persistenceId, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var windowStart = now - window;
        var readFrom = windowStart < now - TimeSpan.FromDays(1) ? windowStart : now - TimeSpan.FromDays(1);
        var priming = await _store.ReadEventsAsync(
            new EventQuery(persistenceId, To: readFrom - TimeSpan.FromTicks(1), NewestFirst: true, Limit: PrimingEvents), cancellationToken).ConfigureAwait(false);
        var history = priming.Reverse().Select(JournalRecovery.Decode).ToList();
        long? cursor = null;
        do
        {
            var page = await ReadEventsAsync(new EventQuery(persistenceId, From: readFrom, To: now), cursor, cancellationToken).ConfigureAwait(false);
            history.AddRange(page.Entries);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return SummaryCalculator.Compute(persistenceId, history, windowStart, now);
    }

    /// <summary>The summary of every tunnel that has events (the daemon stream excluded), ordered by name.</summary>
    public async Task<IReadOnlyList<TunnelSummary>> GetSummariesAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        var summaries = new List<TunnelSummary>();
        foreach (var counters in _writer.AllCounters.Where(c => c.PersistenceId != EventKinds.DaemonStream))
        {
            summaries.Add(await GetSummaryAsync(counters.PersistenceId, window, cancellationToken).ConfigureAwait(false));
        }

        return summaries;
    }

    /// <summary>Snapshots every tunnel, then prunes by the retention policy; call periodically. Returns the events deleted.</summary>
    /// <remarks>The snapshot first keeps lifetime counters intact however many events are pruned; highest sequence numbers stay.</remarks>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        if (_retention.MaxAge is null && _retention.MaxRowsPerTunnel is null)
        {
            return 0;
        }

        var now = _time.GetUtcNow();
        var snapshots = _writer.AllCounters
            .Where(c => c.LastSequenceNr > 0)
            .Select(c => new StoredSnapshot(c.PersistenceId, c.LastSequenceNr, now, Serialization.EventCodec.SnapshotSchemaVersion, Serialization.EventCodec.EncodeSnapshot(c)))
            .ToList();
        await _store.AppendAsync([], snapshots, cancellationToken).ConfigureAwait(false);
        var deleted = await _store.PruneAsync(_retention, now, cancellationToken).ConfigureAwait(false);
        JournalLog.Pruned(_logger, deleted);
        return deleted;
    }

    /// <summary>Stops accepting events, writes the buffered ones (bounded by the shutdown timeout) and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}
