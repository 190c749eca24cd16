using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Journal.Recovery;

/// <summary>The pure transition function shared by the counters fold and the summary, so both define up and down alike.</summary>
/// <remarks>
/// Semantics: downtime starts at the first failure verdict (ProbeFailed, or SshExited while starting or up) and ends at the
/// next TunnelUp; GaveUp keeps counting as down. A stop by the operator or a reload is planned and ends any interval.
/// An SshStarted while up means the previous process vanished without an SshExited (the daemon crashed): the up interval
/// ends there and the gap is not counted. The tunnel actor must append StoppedByOperator before it stops ssh, so the
/// resulting SshExited is not taken for a failure.
/// </remarks>
public static class TunnelStateMachine
{
    /// <summary>The state after <paramref name="event"/> happened in <paramref name="state"/>.</summary>
    public static TunnelState Next(TunnelState state, TunnelEvent @event) => @event switch
    {
        TunnelUp => TunnelState.Up,
        SshStarted or RestartScheduled => state is TunnelState.Down or TunnelState.GaveUp ? TunnelState.Down : TunnelState.Starting,
        ProbeFailed or SshExited => state switch
        {
            TunnelState.Stopped => TunnelState.Stopped,
            TunnelState.GaveUp => TunnelState.GaveUp,
            _ => TunnelState.Down,
        },
        GaveUp => TunnelState.GaveUp,
        StoppedByOperator or StoppedByReload => TunnelState.Stopped,
        _ => state,
    };

    /// <summary>True when moving from <paramref name="before"/> to <paramref name="after"/> is a new failure (an outage begins).</summary>
    public static bool IsFailure(TunnelState before, TunnelState after) =>
        IsDown(after) && !IsDown(before) && before is not TunnelState.Stopped;

    /// <summary>True when the transition ends an outage (down to up).</summary>
    public static bool IsRepair(TunnelState before, TunnelState after) => IsDown(before) && after == TunnelState.Up;

    /// <summary>True for the states counted as downtime.</summary>
    public static bool IsDown(TunnelState state) => state is TunnelState.Down or TunnelState.GaveUp;

    /// <summary>Which time bucket a state counts in: 1 up, -1 down, 0 neither (Starting, Stopped, Unknown).</summary>
    public static int BucketOf(TunnelState state) => state switch
    {
        TunnelState.Up => 1,
        TunnelState.Down or TunnelState.GaveUp => -1,
        _ => 0,
    };

    /// <summary>The failure described by <paramref name="entry"/> if it is one, given the state before it.</summary>
    public static FailureInfo? FailureOf(TunnelState before, JournalEntry entry) => (before, entry.Event) switch
    {
        (TunnelState.Stopped, _) => null,
        (_, ProbeFailed p) => new FailureInfo(entry.Timestamp, EventKinds.ProbeFailed, "probe", p.Reason),
        (_, SshExited x) => new FailureInfo(entry.Timestamp, EventKinds.SshExited, x.FailureClass, Describe(x)),
        (_, GaveUp g) => new FailureInfo(entry.Timestamp, EventKinds.GaveUp, "gave-up", g.Reason),
        _ => null,
    };

    private static string Describe(SshExited exited)
    {
        var how = exited.Signal is { } signal ? $"signal {signal}" : $"exit {exited.ExitCode?.ToString() ?? "?"}";
        return exited.StderrTail.Length == 0 ? how : $"{how}: {exited.StderrTail}";
    }
}
