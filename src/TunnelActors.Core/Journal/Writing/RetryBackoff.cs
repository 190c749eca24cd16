namespace TunnelActors.Core.Journal.Writing;

/// <summary>Delay before the next attempt to write a failed batch: doubling from a minimum, capped at a maximum.</summary>
/// <remarks>No jitter: there is one writer per database, so there is no herd to spread out.</remarks>
public static class RetryBackoff
{
    /// <summary>The delay after <paramref name="failures"/> consecutive failures (1 for the first failure).</summary>
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var exponent = Math.Min(failures - 1, 30);
        var ticks = min.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
