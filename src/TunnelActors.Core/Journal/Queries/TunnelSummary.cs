using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Core.Journal.Queries;

/// <summary>Reliability figures of one tunnel over a window ending now; semantics in <see cref="SummaryCalculator"/>.</summary>
/// <param name="PersistenceId">The tunnel name.</param>
/// <param name="WindowStart">Start of the window.</param>
/// <param name="WindowEnd">End of the window (now).</param>
/// <param name="State">State at the end of the window.</param>
/// <param name="RestartsLastHour">RestartScheduled events in the hour before the end.</param>
/// <param name="RestartsLastDay">RestartScheduled events in the 24 hours before the end.</param>
/// <param name="Failures">Outages that began inside the window.</param>
/// <param name="Uptime">Time up inside the window.</param>
/// <param name="Downtime">Time down inside the window.</param>
/// <param name="AvailabilityPercent">100 · up / (up + down); null when the window has neither.</param>
/// <param name="Mtbf">Mean time between failures: uptime / failures; null without failures.</param>
/// <param name="Mttr">Mean time to repair: mean full length of the outages that ended inside the window; null if none ended.</param>
/// <param name="LastFailure">The latest failure seen (it may be older than the window).</param>
public sealed record TunnelSummary(
    string PersistenceId,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    TunnelState State,
    int RestartsLastHour,
    int RestartsLastDay,
    int Failures,
    TimeSpan Uptime,
    TimeSpan Downtime,
    double? AvailabilityPercent,
    TimeSpan? Mtbf,
    TimeSpan? Mttr,
    FailureInfo? LastFailure);
