namespace TunnelActors.Core.Configuration;

/// <summary>How restarts of one tunnel are spaced.</summary>
/// <param name="Min">First backoff delay (after the immediate first restart).</param>
/// <param name="Max">Cap of the delay before jitter; permanent failures wait this long.</param>
/// <param name="RandomFactor">Jitter: the delay is multiplied by 1 + U[0,1) × factor (0..1).</param>
/// <param name="StableAfter">A tunnel up this long has its restart count reset.</param>
/// <param name="ImmediateFirstRestart">Restart at once after a healthy run, back off after that.</param>
public sealed record BackoffSettings(
    TimeSpan Min,
    TimeSpan Max,
    double RandomFactor,
    TimeSpan StableAfter,
    bool ImmediateFirstRestart);
