namespace TunnelActors.Cli.Commands;

/// <summary>Exit codes of the CLI commands, stable for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An error or a refused request (invalid configuration, rejected reload, daemon error).</summary>
    public const int Failure = 1;

    /// <summary>Bad command line.</summary>
    public const int Usage = 2;

    /// <summary>The daemon is not running: no control socket, or nobody listening on it.</summary>
    public const int DaemonNotRunning = 3;

    /// <summary>No tunnel has the given name.</summary>
    public const int UnknownTunnel = 4;
}
