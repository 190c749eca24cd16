using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;
using TunnelActors.Core.Journal.Serialization;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Journal.Writing;

/// <summary>Buffers events, assigns sequence numbers and group-commits them to an <see cref="IJournalStore"/> on one background loop.</summary>
/// <remarks>
/// <see cref="AppendAll"/> never waits for I/O: it stamps the time, reserves buffer space and enqueues. The buffer is
/// bounded by <c>capacity</c> events counted from enqueue until commit; beyond it new events are dropped and counted.
/// Sequence numbers are assigned by the loop when it takes a write off the queue (so in queue order, and only once the
/// store's highest numbers are known): if the store could not be opened at start, the loop keeps retrying recovery with
/// backoff while appends keep being buffered.
/// The loop drains the queue into one transaction of up to <c>MaxBatchSize</c> events; a failed transaction is retried with
/// <see cref="RetryBackoff"/> on the injected clock until it succeeds, so nothing but the counted drops is lost.
/// Committed events are folded into per-id <see cref="TunnelCounters"/>, and a snapshot of them is written inside the same
/// transaction every <c>snapshotEvery</c> events.
/// </remarks>
internal sealed partial class JournalWriter
{
    private readonly IJournalStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JournalOptions _options;
    private readonly int _capacity;
    private readonly int _snapshotEvery;
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private readonly Channel<JournalCommand> _queue = Channel.CreateUnbounded<JournalCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TunnelCounters> _counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _snapshotSequenceNrs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _errorGate = new();
    private long _pending;
    private long _written;
    private long _dropped;
    private long _rejected;
    private int _consecutiveFailures;
    private int _droppingReported;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private Task _loop = Task.CompletedTask;

    public JournalWriter(IJournalStore store, TimeProvider time, ILogger logger, JournalOptions options, int capacity, int snapshotEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        _store = store;
        _time = time;
        _logger = logger;
        _options = options;
        _capacity = capacity;
        _snapshotEvery = Math.Max(1, snapshotEvery);
    }

    /// <summary>Starts the loop; without <paramref name="recovered"/> (the store failed at open) it first retries recovery.</summary>
    public void Start(RecoveredJournal? recovered)
    {
        if (recovered is not null)
        {
            Adopt(recovered);
        }

        _loop = Task.Run(() => RunAsync(recovered is not null));
    }

    private void Adopt(RecoveredJournal recovered)
    {
        foreach (var (id, highest) in recovered.HighestSequenceNrs)
        {
            _highest[id] = highest;
        }

        foreach (var counters in recovered.Counters)
        {
            _counters[counters.PersistenceId] = counters;
        }

        foreach (var (id, seq) in recovered.SnapshotSequenceNrs)
        {
            _snapshotSequenceNrs[id] = seq;
        }
    }

    public bool AppendAll(string persistenceId, IReadOnlyList<TunnelEvent> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        if (events.Count == 0)
        {
            return true;
        }

        if (Interlocked.Add(ref _pending, events.Count) > _capacity)
        {
            Interlocked.Add(ref _pending, -events.Count);
            Drop(events.Count);
            return false;
        }

        var copy = events.ToArray();
        var payloads = Array.ConvertAll(copy, EventCodec.Encode);
        if (!_queue.Writer.TryWrite(new AtomicWrite(persistenceId, _time.GetUtcNow(), copy, payloads)))
        {
            Interlocked.Add(ref _pending, -events.Count);
            Drop(events.Count);
            return false;
        }

        return true;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var request = new FlushRequest(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(request))
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await request.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The highest sequence number assigned so far for <paramref name="persistenceId"/> (committed or being written).</summary>
    public long HighestSequenceNr(string persistenceId) => _highest.GetValueOrDefault(persistenceId);

    public TunnelCounters Counters(string persistenceId) =>
        _counters.TryGetValue(persistenceId, out var counters) ? counters : TunnelCounters.Empty(persistenceId);

    public IReadOnlyCollection<TunnelCounters> AllCounters => [.. _counters.Values.OrderBy(c => c.PersistenceId, StringComparer.Ordinal)];

    public JournalHealth Health
    {
        get
        {
            lock (_errorGate)
            {
                return new JournalHealth(
                    Interlocked.Read(ref _pending),
                    Interlocked.Read(ref _written),
                    Interlocked.Read(ref _dropped),
                    Interlocked.Read(ref _rejected),
                    _consecutiveFailures,
                    _lastError,
                    _lastErrorAt);
            }
        }
    }

    /// <summary>Stops accepting events, writes what is buffered (giving up after the shutdown timeout), and ends the loop.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        using var timeout = new CancellationTokenSource(_options.ShutdownTimeout, _time);
        try
        {
            await _loop.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }

        var unwritten = Interlocked.Read(ref _pending);
        if (unwritten > 0)
        {
            JournalLog.ClosedWithPending(_logger, unwritten);
        }
    }

    private void Drop(int count)
    {
        var dropped = Interlocked.Add(ref _dropped, count);
        if (Interlocked.Exchange(ref _droppingReported, 1) == 0)
        {
            JournalLog.Dropping(_logger, _capacity, dropped);
        }
    }
}
