namespace TunnelActors.Kernel.Actor;

/// <summary>Thrown by <c>Unhandled</c> for a <see cref="Terminated"/> the actor did not handle; the default decider stops it.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the watched actor that died.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor.Path}] terminated")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor whose <see cref="Terminated"/> was not handled.</summary>
    public IActorRef? DeadActor { get; }
}
