namespace TunnelActors.Kernel.Actor;

/// <summary>An actor was used in a way its state does not allow (e.g. stashing the same message twice).</summary>
public sealed class IllegalActorStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IllegalActorStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public IllegalActorStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
