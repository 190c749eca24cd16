namespace TunnelActors.Core.Journal.Events;

/// <summary>A lifecycle fact about one tunnel (or, for configuration events, about the daemon), stored in the journal.</summary>
/// <remarks>Each concrete event is one versioned JSON payload; its kind and schema version live in <see cref="EventKinds"/>.</remarks>
public abstract record TunnelEvent
{
    /// <summary>Only the events of this file exist: the codec must know every payload it stores.</summary>
    private protected TunnelEvent()
    {
    }
}

/// <summary>An ssh process was started for the tunnel.</summary>
/// <param name="Pid">OS process id of ssh.</param>
/// <param name="Incarnation">The tunnel actor's incarnation that owns this process.</param>
/// <param name="ArgvDigest">SHA-256 (hex) of the argument vector, so a changed command line is visible.</param>
public sealed record SshStarted(int Pid, long Incarnation, string ArgvDigest) : TunnelEvent;

/// <summary>The first good probe after a start: the tunnel carries traffic.</summary>
/// <param name="Rtt">Round-trip time of that probe.</param>
public sealed record TunnelUp(TimeSpan Rtt) : TunnelEvent;

/// <summary>The monitor's verdict that the tunnel no longer carries traffic.</summary>
/// <param name="Reason">Why (timeout, mismatch, refused, ...).</param>
public sealed record ProbeFailed(string Reason) : TunnelEvent;

/// <summary>The ssh process ended.</summary>
/// <param name="ExitCode">Exit code when ssh exited normally.</param>
/// <param name="Signal">Signal number when ssh was killed by a signal.</param>
/// <param name="FailureClass">The classified failure (a <c>FailureReason</c> name), kept as a string so the journal outlives enum changes.</param>
/// <param name="StderrTail">The last lines ssh wrote to stderr.</param>
public sealed record SshExited(int? ExitCode, int? Signal, string FailureClass, string StderrTail) : TunnelEvent;

/// <summary>A restart was scheduled by the backoff supervisor.</summary>
/// <param name="Attempt">The restart attempt number (1 for the first restart after a success).</param>
/// <param name="Delay">The backoff delay before the restart.</param>
public sealed record RestartScheduled(int Attempt, TimeSpan Delay) : TunnelEvent;

/// <summary>The supervisor stopped restarting the tunnel.</summary>
/// <param name="Reason">Why (retry limit, fatal configuration error, ...).</param>
public sealed record GaveUp(string Reason) : TunnelEvent;

/// <summary>An operator stopped the tunnel.</summary>
/// <param name="Reason">Free text given by the operator, if any.</param>
public sealed record StoppedByOperator(string? Reason) : TunnelEvent;

/// <summary>A configuration reload removed or replaced the tunnel.</summary>
/// <param name="ConfigurationDigest">Digest of the configuration that caused the stop.</param>
public sealed record StoppedByReload(string ConfigurationDigest) : TunnelEvent;

/// <summary>The daemon loaded its configuration at start.</summary>
/// <param name="Digest">SHA-256 (hex) of the resolved configuration.</param>
public sealed record ConfigurationLoaded(string Digest) : TunnelEvent;

/// <summary>The daemon reloaded its configuration.</summary>
/// <param name="Digest">SHA-256 (hex) of the new resolved configuration.</param>
public sealed record ConfigurationReloaded(string Digest) : TunnelEvent;

/// <summary>A stored payload this build cannot read (an unknown kind or a newer schema version); kept so nothing is hidden.</summary>
/// <param name="Kind">The stored kind.</param>
/// <param name="SchemaVersion">The stored schema version.</param>
/// <param name="Json">The raw payload.</param>
public sealed record UnrecognizedEvent(string Kind, int SchemaVersion, string Json) : TunnelEvent;
