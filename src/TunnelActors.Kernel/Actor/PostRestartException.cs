namespace TunnelActors.Kernel.Actor;

/// <summary>The new incarnation failed in its constructor or <c>PostRestart</c>; being an initialization failure, the default decider stops it.</summary>
public sealed class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    public PostRestartException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PostRestartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PostRestartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="actor"/>, restarted because of <paramref name="originalCause"/>.</summary>
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, "Exception post restart (" + originalCause.GetType().Name + ")", cause)
    {
        OriginalCause = originalCause;
    }

    /// <summary>The failure that triggered the restart.</summary>
    public Exception? OriginalCause { get; }
}
