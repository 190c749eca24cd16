using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Restart;

/// <summary>Everything <see cref="RestartPolicy.Decide"/> needs to know about the ssh that just ended.</summary>
/// <param name="Reason">The classified cause (<see cref="FailureClassifier"/>).</param>
/// <param name="ExitCode">ssh's exit status, or null (signal, not started).</param>
/// <param name="StartedAt">When that ssh was started.</param>
/// <param name="ExitedAt">When it ended (also "now" for the lifetime check).</param>
/// <param name="StartCount">How many ssh processes this tunnel has started, including that one (autossh's start_count).</param>
/// <param name="ConsecutiveFailures">Failures since the last stable run, before this one (from the previous decision).</param>
/// <param name="TunnelStartedAt">When the tunnel itself started (for MaxLifetime).</param>
/// <param name="RemoteForwardWait">How long a refused <c>-R</c> needs before a retry can succeed: the server's
/// ClientAliveInterval × ClientAliveCountMax, after which it drops the stale session that holds the port.</param>
public sealed record RestartInput(
    FailureReason Reason,
    int? ExitCode,
    DateTimeOffset StartedAt,
    DateTimeOffset ExitedAt,
    int StartCount,
    int ConsecutiveFailures,
    DateTimeOffset TunnelStartedAt,
    TimeSpan RemoteForwardWait)
{
    /// <summary>How long the ssh ran.</summary>
    public TimeSpan Uptime => ExitedAt - StartedAt;
}
