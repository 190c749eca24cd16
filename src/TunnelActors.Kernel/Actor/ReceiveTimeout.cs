namespace TunnelActors.Kernel.Actor;

/// <summary>Sent to an actor that has been idle for the time set by <see cref="IActorContext.SetReceiveTimeout"/>.</summary>
public sealed class ReceiveTimeout : IPossiblyHarmful
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
