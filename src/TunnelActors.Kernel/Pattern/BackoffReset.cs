namespace TunnelActors.Kernel.Pattern;

/// <summary>How a backoff supervisor's restart count returns to zero.</summary>
public abstract record BackoffReset;

/// <summary>The count resets when a child started by the supervisor survives <paramref name="ResetBackoff"/>.</summary>
/// <remarks>
/// Pitfall (akka/akka-core#19246): the default window is minBackoff. A child that usually fails later than that (a tunnel
/// that connects, then drops after 10 s) resets the count before every failure, so the delay never grows. Set a window such
/// as "stable after 60 s" explicitly, or use <see cref="ManualReset"/>.
/// </remarks>
public sealed record AutoReset(TimeSpan ResetBackoff) : BackoffReset;

/// <summary>The count resets only when the supervisor receives <see cref="BackoffSupervisor.Reset"/> (usually from the child).</summary>
public sealed record ManualReset : BackoffReset
{
    private ManualReset()
    {
    }

    /// <summary>The single instance.</summary>
    public static ManualReset Instance { get; } = new();
}
