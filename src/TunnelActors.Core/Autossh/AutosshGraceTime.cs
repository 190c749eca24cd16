namespace TunnelActors.Core.Autossh;

/// <summary>autossh's backoff on rapid failures, <c>grace_time()</c> (autossh.md §5), as pure functions.</summary>
/// <remarks>
/// Before every launch: <c>tries</c> is reset when the previous ssh lived at least <see cref="MinTime"/>, else
/// incremented; launches with tries 0..5 are immediate; then the sleep is
/// <c>min(POLL, trunc((POLL/100.0) × (t × (t/3.0))))</c> with <c>t = tries − 5</c>, in exactly that double
/// arithmetic (POLL=600, t=11 gives 241, not 242). autossh measures whole wall-clock seconds; the caller
/// passes a monotonic duration.
/// </remarks>
public static class AutosshGraceTime
{
    /// <summary><c>N_FAST_TRIES</c>: launches after a reset that are not delayed.</summary>
    public const int FastTries = 5;

    /// <summary>A run at least this long resets the counter: POLL/10 (integer division), at least 10 s.</summary>
    public static TimeSpan MinTime(int pollSeconds) => TimeSpan.FromSeconds(Math.Max(10, pollSeconds / 10));

    /// <summary>The new <c>tries</c> before a launch.</summary>
    /// <param name="tries">The counter before this launch (0 at start).</param>
    /// <param name="sinceLastStart">Time since the previous launch began, or null before the very first launch.</param>
    /// <param name="pollSeconds">AUTOSSH_POLL.</param>
    public static int NextTries(int tries, TimeSpan? sinceLastStart, int pollSeconds) =>
        sinceLastStart is not { } elapsed || elapsed >= MinTime(pollSeconds) ? 0 : tries + 1;

    /// <summary>The sleep before a launch with counter <paramref name="tries"/>; zero means start at once.</summary>
    public static TimeSpan Delay(int tries, int pollSeconds)
    {
        if (tries <= FastTries)
        {
            return TimeSpan.Zero;
        }

        double t = tries - FastTries;
        var seconds = (pollSeconds / 100.0) * (t * (t / 3));
        return TimeSpan.FromSeconds(seconds >= pollSeconds ? pollSeconds : Math.Truncate(seconds));
    }

    /// <summary>One <c>grace_time()</c> call: the new counter and the sleep before the launch.</summary>
    public static (int Tries, TimeSpan Delay) Step(int tries, TimeSpan? sinceLastStart, int pollSeconds)
    {
        var next = NextTries(tries, sinceLastStart, pollSeconds);
        return (next, Delay(next, pollSeconds));
    }
}
