namespace TunnelActors.Kernel.Actor;

/// <summary>An ordinary message that stops the actor when it is processed (after the messages queued before it).</summary>
public sealed class PoisonPill : IAutoReceivedMessage, IPossiblyHarmful
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}
