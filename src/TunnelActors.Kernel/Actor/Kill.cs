namespace TunnelActors.Kernel.Actor;

/// <summary>Makes the actor throw <see cref="ActorKilledException"/> (the default decider then stops it).</summary>
public sealed class Kill : IAutoReceivedMessage, IPossiblyHarmful
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}
