using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Core.Journal.Queries;

/// <summary>Computes a <see cref="TunnelSummary"/> from a tunnel's events; a pure function of its inputs.</summary>
/// <remarks>
/// Up and down follow <see cref="TunnelStateMachine"/>: downtime runs from a failure verdict (ProbeFailed, or SshExited while
/// starting or up) to the next TunnelUp, GaveUp counts as down, Starting and Stopped count as neither. Each state lasts from
/// its event until the next event of the tunnel (or the window end), clipped to [windowStart, windowEnd].
/// A failure is a transition into down; it belongs to the window when its event's timestamp lies in it. An outage "ends in
/// the window" when its TunnelUp lies in it; MTTR averages those outages' full lengths, including any part before the window.
/// Events before the window only set the starting state and the last failure; events after the window end are ignored.
/// </remarks>
public static class SummaryCalculator
{
    /// <summary>Summarises <paramref name="history"/> (oldest first, may start before the window) over [<paramref name="windowStart"/>, <paramref name="windowEnd"/>].</summary>
    public static TunnelSummary Compute(string persistenceId, IEnumerable<JournalEntry> history, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var state = TunnelState.Unknown;
        DateTimeOffset? previous = null;
        DateTimeOffset? outageStart = null;
        var up = TimeSpan.Zero;
        var down = TimeSpan.Zero;
        var failures = 0;
        var repairs = new List<TimeSpan>();
        FailureInfo? lastFailure = null;
        var restartsHour = 0;
        var restartsDay = 0;
        bool InWindow(DateTimeOffset t) => t >= windowStart && t <= windowEnd;

        void Accumulate(TunnelState s, DateTimeOffset from, DateTimeOffset to)
        {
            var start = from > windowStart ? from : windowStart;
            var end = to < windowEnd ? to : windowEnd;
            if (end <= start)
            {
                return;
            }

            switch (TunnelStateMachine.BucketOf(s))
            {
                case 1: up += end - start; break;
                case -1: down += end - start; break;
            }
        }

        foreach (var entry in history.Where(e => e.Timestamp <= windowEnd))
        {
            if (previous is { } p)
            {
                Accumulate(state, p, entry.Timestamp);
            }

            var next = TunnelStateMachine.Next(state, entry.Event);
            if (TunnelStateMachine.IsFailure(state, next))
            {
                outageStart = entry.Timestamp;
                failures += InWindow(entry.Timestamp) ? 1 : 0;
            }
            else if (TunnelStateMachine.IsRepair(state, next))
            {
                if (outageStart is { } began && InWindow(entry.Timestamp))
                {
                    repairs.Add(entry.Timestamp - began);
                }

                outageStart = null;
            }

            lastFailure = TunnelStateMachine.FailureOf(state, entry) ?? lastFailure;
            if (entry.Event is RestartScheduled && entry.Timestamp > windowEnd - TimeSpan.FromDays(1))
            {
                restartsDay++;
                restartsHour += entry.Timestamp > windowEnd - TimeSpan.FromHours(1) ? 1 : 0;
            }

            state = next;
            previous = entry.Timestamp;
        }

        if (previous is { } last)
        {
            Accumulate(state, last, windowEnd);
        }

        var measured = up + down;
        return new TunnelSummary(
            persistenceId,
            windowStart,
            windowEnd,
            state,
            restartsHour,
            restartsDay,
            failures,
            up,
            down,
            measured > TimeSpan.Zero ? 100.0 * up.Ticks / measured.Ticks : null,
            failures > 0 ? up / failures : null,
            repairs.Count > 0 ? TimeSpan.FromTicks((long)repairs.Average(r => r.Ticks)) : null,
            lastFailure);
    }
}
