using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Pattern;

/// <summary>Entry points for backoff options: restart a child with growing delays when it stops or fails.</summary>
public static class Backoff
{
    /// <summary>
    /// Restart the child (after a delay) when it <b>stops</b>. Exceptions are handled by the strategy (default: an
    /// immediate in-place restart, no backoff); add <see cref="BackoffOptions.WithDefaultStoppingStrategy"/> to back off on exceptions too.
    /// </summary>
    /// <param name="childProps">Props of the child.</param>
    /// <param name="childName">Fixed name of the child (a new child is created only after the old one terminated).</param>
    /// <param name="minBackoff">First delay, and the default auto-reset window.</param>
    /// <param name="maxBackoff">Cap applied before the random factor.</param>
    /// <param name="randomFactor">Jitter in [0, 1]: the delay is multiplied by 1 + U[0,1) × randomFactor.</param>
    /// <param name="maxNrOfRetries">Maximum restarts; any negative value means unlimited (Akka checks -1 literally).</param>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffKind.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);

    /// <summary>
    /// Restart the child (after a delay) when it <b>throws</b> and the decider says Restart: the child is stopped, then a
    /// new one starts after the delay. If the child stops by itself (or the decider says Stop), the supervisor stops too.
    /// </summary>
    /// <inheritdoc cref="OnStop" path="/param"/>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        new(BackoffKind.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries);
}
