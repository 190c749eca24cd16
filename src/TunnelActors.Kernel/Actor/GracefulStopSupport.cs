using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>Stop an actor and wait until it has terminated.</summary>
public static class GracefulStopSupport
{
    /// <summary>
    /// Tells <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>, so queued messages are processed first) and
    /// completes with true once the actor terminated (its PostStop ran), or false if <paramref name="timeout"/> passes first
    /// on the system's clock.
    /// </summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget)
        {
            throw new ArgumentException($"Cannot stop {target}: it does not belong to an actor system.", nameof(target));
        }

        var watcher = new GracefulStopWatcher(Futures.SystemOf(target), timeout);
        internalTarget.SendSystemMessage(new Watch(internalTarget, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance, null);
        return watcher.Task;
    }
}
