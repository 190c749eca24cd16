using System.Collections.Immutable;

namespace TunnelActors.Core.Ssh;

/// <summary>How one ssh incarnation ended.</summary>
/// <param name="ExitCode">The exit status, or null when killed by a signal or never started.</param>
/// <param name="Signal">The signal that killed it, or null.</param>
/// <param name="StartedAt">When it was started (the injected clock).</param>
/// <param name="ExitedAt">When its end was observed (the injected clock).</param>
/// <param name="StderrTail">The last lines ssh wrote to stderr (bounded).</param>
/// <param name="StopRequested">True when the owner asked it to stop (<see cref="ISshProcess.StopAsync"/>).</param>
/// <param name="StartError">Why it could not be started at all, or null.</param>
public sealed record SshExit(
    int? ExitCode,
    int? Signal,
    DateTimeOffset StartedAt,
    DateTimeOffset ExitedAt,
    ImmutableArray<string> StderrTail,
    bool StopRequested,
    string? StartError = null)
{
    /// <summary>How long the process ran.</summary>
    public TimeSpan Uptime => ExitedAt - StartedAt;

    /// <summary>A short human form, e.g. <c>exit 255</c> or <c>signal 9</c>.</summary>
    public string Status => StartError is not null ? "not started"
        : Signal is { } s ? $"signal {s}"
        : $"exit {ExitCode}";
}
