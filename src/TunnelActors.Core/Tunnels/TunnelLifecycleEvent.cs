using System.Collections.Immutable;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tunnels;

/// <summary>Something that happened to a tunnel, in the order it happened (see <see cref="ITunnelEventSink"/>).</summary>
/// <param name="Tunnel">The tunnel's name.</param>
/// <param name="At">When it happened (the actor system's clock).</param>
public abstract record TunnelLifecycleEvent(string Tunnel, DateTimeOffset At)
{
    /// <summary>An ssh process was started.</summary>
    /// <remarks>Emitted only after the incarnation's monitor listener is bound: when the bind fails, no ssh starts and the
    /// incarnation ends with <see cref="SshExited"/> (<see cref="FailureReason.LocalForwardBusy"/>) instead.</remarks>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Incarnation">The tunnel's incarnation number of this process (1, 2, ...).</param>
    /// <param name="Pid">Its pid (0 when it could not be executed at all).</param>
    /// <param name="ArgvDigest">SHA-256 of its argument vector (<see cref="SshArgvDigest"/>).</param>
    public sealed record SshStarted(string Tunnel, DateTimeOffset At, long Incarnation, int Pid, string ArgvDigest) : TunnelLifecycleEvent(Tunnel, At);

    /// <summary>The tunnel carries traffic: the first probe of an incarnation answered (or, without a monitor, ssh settled).</summary>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Incarnation">The incarnation that came up.</param>
    /// <param name="Rtt">The probe's round-trip time, or null without a monitor.</param>
    public sealed record TunnelUp(string Tunnel, DateTimeOffset At, long Incarnation, TimeSpan? Rtt) : TunnelLifecycleEvent(Tunnel, At);

    /// <summary>A probe of a tunnel that was up failed.</summary>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Incarnation">The probed incarnation.</param>
    /// <param name="Outcome">How the probe failed.</param>
    /// <param name="Detail">The probe's explanation.</param>
    /// <param name="ConsecutiveFailures">Failed probes in a row (the tunnel is declared dead past the confirm retries).</param>
    public sealed record ProbeFailed(string Tunnel, DateTimeOffset At, long Incarnation, ProbeOutcome Outcome, string? Detail, int ConsecutiveFailures)
        : TunnelLifecycleEvent(Tunnel, At);

    /// <summary>An ssh process ended (on its own or because the tunnel stopped it).</summary>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Incarnation">Its incarnation.</param>
    /// <param name="ExitCode">Its exit status, or null.</param>
    /// <param name="Signal">The signal that killed it, or null.</param>
    /// <param name="Reason">The classified cause.</param>
    /// <param name="StderrTail">The last lines it wrote to stderr.</param>
    /// <param name="Uptime">How long it ran.</param>
    /// <param name="StopRequested">The tunnel stopped it (operator, failed probes, connect deadline, lifetime); false
    /// when ssh ended on its own. Its status then says how it took SIGTERM (ssh -N exits 0, with a command 255).</param>
    public sealed record SshExited(
        string Tunnel,
        DateTimeOffset At,
        long Incarnation,
        int? ExitCode,
        int? Signal,
        FailureReason Reason,
        ImmutableArray<string> StderrTail,
        TimeSpan Uptime,
        bool StopRequested = false)
        : TunnelLifecycleEvent(Tunnel, At);

    /// <summary>A new ssh will be started after <paramref name="Delay"/> (zero: at once).</summary>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Attempt">Consecutive failures so far (1 after a healthy run).</param>
    /// <param name="Delay">The backoff delay.</param>
    public sealed record RestartScheduled(string Tunnel, DateTimeOffset At, int Attempt, TimeSpan Delay) : TunnelLifecycleEvent(Tunnel, At);

    /// <summary>The tunnel stopped restarting (a limit, or a fatal exit by autossh's rules); state Failed.</summary>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="Reason">The rule that gave up.</param>
    public sealed record GaveUp(string Tunnel, DateTimeOffset At, GiveUpReason Reason) : TunnelLifecycleEvent(Tunnel, At);

    /// <summary>The tunnel was stopped and stays stopped.</summary>
    /// <param name="Tunnel">The tunnel's name.</param>
    /// <param name="At">When it happened.</param>
    /// <param name="By">Who stopped it.</param>
    public sealed record Stopped(string Tunnel, DateTimeOffset At, StoppedBy By) : TunnelLifecycleEvent(Tunnel, At);
}
