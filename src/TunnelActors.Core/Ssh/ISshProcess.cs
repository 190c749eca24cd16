using System.Collections.Immutable;

namespace TunnelActors.Core.Ssh;

/// <summary>One running ssh incarnation, owned by one tunnel actor.</summary>
/// <remarks>Disposing kills the process at once (SIGKILL) if it still runs; use <see cref="StopAsync"/> to stop politely.</remarks>
public interface ISshProcess : IAsyncDisposable
{
    /// <summary>The process id (0 if it never started).</summary>
    int Pid { get; }

    /// <summary>The tunnel this process belongs to.</summary>
    string TunnelName { get; }

    /// <summary>The tunnel's incarnation number of this process.</summary>
    long Incarnation { get; }

    /// <summary>When it was started, from the injected clock.</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>Completes once when the process has ended (never faults).</summary>
    Task<SshExit> Exited { get; }

    /// <summary>The last stderr lines so far.</summary>
    ImmutableArray<string> StderrTail { get; }

    /// <summary>Sends <paramref name="signal"/> to the process (its whole process group when it has its own).</summary>
    /// <returns>False when the process has already ended.</returns>
    bool Signal(UnixSignal signal);

    /// <summary>Two-phase stop: SIGTERM (and SIGCONT), then SIGKILL once <paramref name="gracePeriod"/> has passed
    /// on the injected clock or <paramref name="cancellationToken"/> fires. Completes with the exit.</summary>
    Task<SshExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default);
}
