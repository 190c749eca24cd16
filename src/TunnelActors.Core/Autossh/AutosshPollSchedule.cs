namespace TunnelActors.Core.Autossh;

/// <summary>When autossh tests the connection (autossh.md §2 "Interactions", §3), as pure functions.</summary>
/// <remarks>
/// The first test of every ssh child comes FIRST_POLL after its start; each later one POLL after the previous
/// test ended. With a lifetime, every wait is capped to the time left, and the lifetime is checked before
/// each launch and at each tick. autossh can overshoot the lifetime after a long backoff sleep (§7 item 35);
/// here a non-positive remainder means "stop now".
/// </remarks>
public static class AutosshPollSchedule
{
    /// <summary>The wait before the next test of the current child.</summary>
    /// <param name="firstOfChild">No test of this child has run yet.</param>
    /// <param name="environment">POLL and FIRST_POLL (already capped by the lifetime).</param>
    /// <param name="lifetimeLeft">Time until MAXLIFETIME, or null without a lifetime.</param>
    public static TimeSpan NextTestDelay(bool firstOfChild, AutosshEnvironment environment, TimeSpan? lifetimeLeft)
    {
        var delay = TimeSpan.FromSeconds(firstOfChild ? environment.FirstPollSeconds : environment.PollSeconds);
        return lifetimeLeft is { } left ? (left < delay ? Max(left, TimeSpan.Zero) : delay) : delay;
    }

    /// <summary>Time left until the lifetime ends, measured from the supervisor's start, or null without a lifetime.</summary>
    public static TimeSpan? LifetimeLeft(TimeSpan? maxLifetime, TimeSpan sinceStart) =>
        maxLifetime is { } lifetime ? lifetime - sinceStart : null;

    /// <summary>The lifetime is over (autossh's <c>exceeded_lifetime()</c>): stop ssh and exit 0.</summary>
    public static bool LifetimeExceeded(TimeSpan? maxLifetime, TimeSpan sinceStart) =>
        LifetimeLeft(maxLifetime, sinceStart) is { } left && left <= TimeSpan.Zero;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
