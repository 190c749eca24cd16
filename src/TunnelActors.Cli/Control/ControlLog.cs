using Microsoft.Extensions.Logging;

namespace TunnelActors.Cli.Control;

/// <summary>Log messages of the control API (event ids 6100-6199).</summary>
internal static partial class ControlLog
{
    [LoggerMessage(6100, LogLevel.Warning, "Control request refused: peer uid {PeerUid} is not the daemon's uid {OwnUid} nor root")]
    public static partial void PeerRefused(ILogger logger, uint peerUid, uint ownUid);

    [LoggerMessage(6101, LogLevel.Warning, "Control request refused: no peer credentials on the connection")]
    public static partial void NoCredentials(ILogger logger);

    [LoggerMessage(6102, LogLevel.Warning, "Control request over TCP from {Remote} refused: missing or wrong bearer token")]
    public static partial void TokenRefused(ILogger logger, string? remote);

    [LoggerMessage(6103, LogLevel.Warning, "The supervisor did not answer {Path} within {Deadline}")]
    public static partial void ControllerTimeout(ILogger logger, string path, TimeSpan deadline);

    [LoggerMessage(6104, LogLevel.Error, "Control request {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string path, Exception exception);
}
