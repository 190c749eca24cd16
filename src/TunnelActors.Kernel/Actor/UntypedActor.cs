namespace TunnelActors.Kernel.Actor;

/// <summary>An actor with one <see cref="OnReceive"/> method; call <see cref="ActorBase.Unhandled"/> for unknown messages.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles every message.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    protected void Become(UntypedReceive receive) => Become(Wrap(receive));

    /// <summary>Pushes <paramref name="receive"/> as the current behaviour.</summary>
    protected void BecomeStacked(UntypedReceive receive) => BecomeStacked(Wrap(receive));

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    private static Receive Wrap(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };
}
