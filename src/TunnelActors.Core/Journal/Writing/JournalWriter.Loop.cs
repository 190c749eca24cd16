using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;
using TunnelActors.Core.Journal.Serialization;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Journal.Writing;

/// <summary>The background loop: drain, fold, commit, retry.</summary>
internal sealed partial class JournalWriter
{
    private async Task RunAsync(bool recovered)
    {
        try
        {
            if (recovered || await RecoverWithRetryAsync().ConfigureAwait(false))
            {
                await WriteUntilCompletedAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // A bug here must not hang FlushAsync or grow the buffer silently: log, then count everything as dropped.
            RecordError(e, attempt: int.MaxValue);
            JournalLog.WriterCrashed(_logger, e);
        }

        await DropAllQueuedAsync().ConfigureAwait(false);
    }

    private async Task WriteUntilCompletedAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<JournalEntry>(_options.MaxBatchSize);
        var payloads = new List<byte[]>(_options.MaxBatchSize);
        var flushes = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            payloads.Clear();
            flushes.Clear();
            while (reader.TryPeek(out var next))
            {
                if (next is AtomicWrite write && batch.Count > 0 && batch.Count + write.Events.Length > _options.MaxBatchSize)
                {
                    break;
                }

                reader.TryRead(out _);
                switch (next)
                {
                    case AtomicWrite w:
                        AddNumbered(batch, w);
                        payloads.AddRange(w.Payloads);
                        break;
                    case FlushRequest f:
                        flushes.Add(f.Done);
                        break;
                }
            }

            await CommitAsync(batch, payloads).ConfigureAwait(false);
            flushes.ForEach(f => f.TrySetResult());
        }
    }

    private void AddNumbered(List<JournalEntry> batch, AtomicWrite write)
    {
        var highest = _highest.GetValueOrDefault(write.PersistenceId);
        foreach (var @event in write.Events)
        {
            batch.Add(new JournalEntry(write.PersistenceId, ++highest, write.Timestamp, @event));
        }

        _highest[write.PersistenceId] = highest;
    }

    private async Task<bool> RecoverWithRetryAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.InitializeAsync(_abort.Token).ConfigureAwait(false);
                Adopt(await JournalRecovery.RecoverAllAsync(_store, _abort.Token).ConfigureAwait(false));
                Publish(new Dictionary<string, TunnelCounters>(), [], 0, attempt);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (Exception e)
            {
                var delay = RetryBackoff.Delay(attempt, _options.RetryMinDelay, _options.RetryMaxDelay);
                RecordError(e, attempt);
                JournalLog.OpenFailed(_logger, attempt, delay, e);
                try
                {
                    await Task.Delay(delay, _time, _abort.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    private async Task DropAllQueuedAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                switch (item)
                {
                    case AtomicWrite w:
                        Interlocked.Add(ref _dropped, w.Events.Length);
                        Interlocked.Add(ref _pending, -w.Events.Length);
                        break;
                    case FlushRequest f:
                        f.Done.TrySetResult();
                        break;
                }
            }
        }
    }

    private async Task CommitAsync(List<JournalEntry> batch, List<byte[]> payloads)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var folded = Fold(batch);
        var snapshots = SnapshotsDue(folded);
        var stored = batch.Select((entry, i) => Store(entry, payloads[i])).ToList();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _store.AppendAsync(stored, snapshots, _abort.Token).ConfigureAwait(false);
                    Publish(folded, snapshots, batch.Count, attempt);
                    return;
                }
                catch (JournalWriteRejectedException e)
                {
                    Interlocked.Add(ref _rejected, batch.Count);
                    RecordError(e, attempt: 0);
                    JournalLog.BatchRejected(_logger, batch.Count, e);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var delay = RetryBackoff.Delay(attempt, _options.RetryMinDelay, _options.RetryMaxDelay);
                    RecordError(e, attempt);
                    JournalLog.WriteFailed(_logger, batch.Count, attempt, delay, e);
                    await Task.Delay(delay, _time, _abort.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Add(ref _dropped, batch.Count);
        }
        finally
        {
            Interlocked.Add(ref _pending, -batch.Count);
        }
    }

    private Dictionary<string, TunnelCounters> Fold(List<JournalEntry> batch)
    {
        var folded = new Dictionary<string, TunnelCounters>(StringComparer.Ordinal);
        foreach (var entry in batch)
        {
            var current = folded.TryGetValue(entry.PersistenceId, out var c) ? c : Counters(entry.PersistenceId);
            folded[entry.PersistenceId] = current.Apply(entry);
        }

        return folded;
    }

    private List<StoredSnapshot> SnapshotsDue(Dictionary<string, TunnelCounters> folded)
    {
        var now = _time.GetUtcNow();
        return [.. folded.Values
            .Where(c => c.LastSequenceNr - _snapshotSequenceNrs.GetValueOrDefault(c.PersistenceId) >= _snapshotEvery)
            .Select(c => new StoredSnapshot(c.PersistenceId, c.LastSequenceNr, now, EventCodec.SnapshotSchemaVersion, EventCodec.EncodeSnapshot(c)))];
    }

    private StoredEvent Store(JournalEntry entry, byte[] payload) =>
        new(entry.PersistenceId, entry.SequenceNr, entry.Timestamp, entry.Kind, EventKinds.CurrentSchemaVersion, payload, _writerId);

    private void Publish(IReadOnlyDictionary<string, TunnelCounters> folded, List<StoredSnapshot> snapshots, int count, int attempt)
    {
        foreach (var (id, counters) in folded)
        {
            _counters[id] = counters;
        }

        snapshots.ForEach(s => _snapshotSequenceNrs[s.PersistenceId] = s.SequenceNr);
        Interlocked.Add(ref _written, count);
        Interlocked.Exchange(ref _droppingReported, 0);
        lock (_errorGate)
        {
            _consecutiveFailures = 0;
        }

        if (attempt > 1)
        {
            JournalLog.WriteRecovered(_logger, attempt - 1);
        }
    }

    private void RecordError(Exception error, int attempt)
    {
        lock (_errorGate)
        {
            _consecutiveFailures = attempt;
            _lastError = $"{error.GetType().Name}: {error.Message}";
            _lastErrorAt = _time.GetUtcNow();
        }
    }
}
