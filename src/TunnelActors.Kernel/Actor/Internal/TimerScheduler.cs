namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Keyed timers of one actor; each arming is a distinct <see cref="TimerEntry"/>, and only the current entry of a key is delivered.</summary>
/// <remarks>Used only from the actor's own thread; timer callbacks merely tell the entry to the actor.</remarks>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, TimerEntry> _timers = [];
    private long _generation;

    public void StartSingleTimer(object key, object message, TimeSpan timeout) =>
        Start(key, message, timeout, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) =>
        StartPeriodicTimer(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Dispose();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>True if <paramref name="entry"/> is still the current arming of its key (a single timer is then removed).</summary>
    public bool Accept(TimerEntry entry)
    {
        if (!_timers.TryGetValue(entry.Key, out var current) || !ReferenceEquals(current, entry))
        {
            KernelLog.StaleTimerDropped(cell.System.KernelLogger, entry.Key, entry.Generation, cell.Self.Path);
            return false;
        }

        if (!entry.Periodic)
        {
            _timers.Remove(entry.Key);
            entry.Dispose();
        }

        return true;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var entry = new TimerEntry(key, message, ++_generation, period != Timeout.InfiniteTimeSpan, cell.Self);
        _timers[key] = entry;
        entry.Timer = cell.System.TimeProvider.CreateTimer(static s => ((TimerEntry)s!).Fire(), entry, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
    }

    /// <summary>One arming of a keyed timer; it is itself the message put in the mailbox.</summary>
    internal sealed class TimerEntry(object key, object message, long generation, bool periodic, IActorRef self) : IAutoReceivedMessage
    {
        public object Key { get; } = key;

        public object Message { get; } = message;

        public long Generation { get; } = generation;

        public bool Periodic { get; } = periodic;

        public ITimer? Timer { get; set; }

        public void Fire() => self.Tell(this, null);

        public void Dispose() => Timer?.Dispose();
    }
}
