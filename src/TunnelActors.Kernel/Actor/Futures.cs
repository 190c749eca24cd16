using TunnelActors.Kernel.Actor.Internal;

namespace TunnelActors.Kernel.Actor;

/// <summary>Request/response with actors.</summary>
public static class Futures
{
    /// <summary>
    /// Tells <paramref name="message"/> with a temporary sender and returns its first reply as <typeparamref name="T"/>.
    /// </summary>
    /// <remarks>
    /// The timeout runs on the system's <see cref="TimeProvider"/> (default <see cref="ActorSystemSettings.AskTimeout"/>, 10 s;
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it). Fails with <see cref="AskTimeoutException"/> ("Timeout after {s:F2} seconds"),
    /// with the cause of a <see cref="Status.Failure"/> reply, or with <see cref="ArgumentException"/> for a reply of another type.
    /// </remarks>
    public static Task<T> Ask<T>(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var system = SystemOf(receiver);
        var future = new FutureActorRef<T>(system, timeout ?? system.Settings.AskTimeout, cancellationToken);
        receiver.Tell(message, future);
        return future.Task;
    }

    /// <summary>Like <see cref="Ask{T}"/> for any reply type.</summary>
    public static Task<object> Ask(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        receiver.Ask<object>(message, timeout, cancellationToken);

    internal static ActorSystem SystemOf(IActorRef receiver) => receiver switch
    {
        LocalActorRef local => local.Cell.System,
        IActorRefWithSystem withSystem => withSystem.System,
        _ => throw new ArgumentException($"Cannot Ask {receiver}: it does not belong to an actor system.", nameof(receiver)),
    };
}
