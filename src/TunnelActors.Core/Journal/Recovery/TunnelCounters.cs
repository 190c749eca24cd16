using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Journal.Recovery;

/// <summary>Lifetime counters of one tunnel, folded from its events (and stored in snapshots).</summary>
/// <param name="PersistenceId">The tunnel name.</param>
/// <param name="LastSequenceNr">Sequence number of the last event folded in.</param>
/// <param name="State">The current state.</param>
/// <param name="StateSince">When the tunnel last moved between up, down and neither (null before the first event).</param>
/// <param name="TotalRestarts">Number of RestartScheduled events.</param>
/// <param name="TotalFailures">Number of outages that began (see <see cref="TunnelStateMachine.IsFailure"/>).</param>
/// <param name="TotalUptime">Sum of closed up intervals (the open one is added by <see cref="UptimeAt"/>).</param>
/// <param name="TotalDowntime">Sum of closed down intervals (the open one is added by <see cref="DowntimeAt"/>).</param>
/// <param name="LastUpAt">When the tunnel last came up.</param>
/// <param name="LastFailure">The last failure.</param>
public sealed record TunnelCounters(
    string PersistenceId,
    long LastSequenceNr,
    TunnelState State,
    DateTimeOffset? StateSince,
    long TotalRestarts,
    long TotalFailures,
    TimeSpan TotalUptime,
    TimeSpan TotalDowntime,
    DateTimeOffset? LastUpAt,
    FailureInfo? LastFailure)
{
    /// <summary>The counters of a tunnel with no events.</summary>
    public static TunnelCounters Empty(string persistenceId) =>
        new(persistenceId, 0, TunnelState.Unknown, null, 0, 0, TimeSpan.Zero, TimeSpan.Zero, null, null);

    /// <summary>Folds one event in; events must come in sequence order.</summary>
    public TunnelCounters Apply(JournalEntry entry)
    {
        var next = TunnelStateMachine.Next(State, entry.Event);
        var elapsed = StateSince is { } since && entry.Timestamp > since ? entry.Timestamp - since : TimeSpan.Zero;
        var stateChanged = TunnelStateMachine.BucketOf(next) != TunnelStateMachine.BucketOf(State);
        return this with
        {
            LastSequenceNr = entry.SequenceNr,
            State = next,
            StateSince = stateChanged || StateSince is null ? entry.Timestamp : StateSince,
            TotalRestarts = TotalRestarts + (entry.Event is RestartScheduled ? 1 : 0),
            TotalFailures = TotalFailures + (TunnelStateMachine.IsFailure(State, next) ? 1 : 0),
            TotalUptime = TotalUptime + (stateChanged && State == TunnelState.Up ? elapsed : TimeSpan.Zero),
            TotalDowntime = TotalDowntime + (stateChanged && TunnelStateMachine.IsDown(State) ? elapsed : TimeSpan.Zero),
            LastUpAt = entry.Event is TunnelUp ? entry.Timestamp : LastUpAt,
            LastFailure = TunnelStateMachine.FailureOf(State, entry) ?? LastFailure,
        };
    }

    /// <summary>Total uptime including the current open interval up to <paramref name="now"/>.</summary>
    public TimeSpan UptimeAt(DateTimeOffset now) => TotalUptime + (State == TunnelState.Up ? OpenFor(now) : TimeSpan.Zero);

    /// <summary>Total downtime including the current open interval up to <paramref name="now"/>.</summary>
    public TimeSpan DowntimeAt(DateTimeOffset now) => TotalDowntime + (TunnelStateMachine.IsDown(State) ? OpenFor(now) : TimeSpan.Zero);

    private TimeSpan OpenFor(DateTimeOffset now) => StateSince is { } since && now > since ? now - since : TimeSpan.Zero;
}
