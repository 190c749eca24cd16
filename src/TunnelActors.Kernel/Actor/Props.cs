namespace TunnelActors.Kernel.Actor;

/// <summary>Immutable recipe for an actor: a factory (called for every start and restart) and an optional supervisor strategy.</summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        _factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor the factory creates.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy for this actor's children; overrides the actor's own <c>SupervisorStrategy()</c> when set.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props that create actors with <paramref name="factory"/>, e.g. <c>Props.Create(() => new MyActor(dep))</c>.</summary>
    /// <remarks>The factory must return a new instance on each call (it runs again on every restart).</remarks>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null);
    }

    /// <summary>Props that create actors with the parameterless constructor of <typeparamref name="TActor"/>.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor(), null);

    /// <summary>A copy that supervises the actor's children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, _factory, strategy);
    }

    internal ActorBase NewActor() => _factory();

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}
