namespace TunnelActors.Cli.Client;

/// <summary>Nothing listens on the control socket: the file is missing, or stale and refusing connections.</summary>
public sealed class DaemonNotRunningException : Exception
{
    /// <summary>Creates the exception with a message for the operator.</summary>
    public DaemonNotRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the socket error behind it.</summary>
    public DaemonNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public DaemonNotRunningException()
        : base("the daemon is not running")
    {
    }
}
