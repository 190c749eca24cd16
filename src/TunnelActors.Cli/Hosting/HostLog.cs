using Microsoft.Extensions.Logging;

namespace TunnelActors.Cli.Hosting;

/// <summary>Log messages of the daemon host (event ids 6000-6099).</summary>
internal static partial class HostLog
{
    [LoggerMessage(6000, LogLevel.Information, "Supervising {Count} tunnels from {ConfigPath}")]
    public static partial void Started(ILogger logger, int count, string configPath);

    [LoggerMessage(6001, LogLevel.Information, "Reload requested by {Trigger}")]
    public static partial void ReloadRequested(ILogger logger, string trigger);

    [LoggerMessage(6002, LogLevel.Error, "Reload rejected, the previous configuration keeps running: {Error}")]
    public static partial void ReloadError(ILogger logger, string error);

    [LoggerMessage(6003, LogLevel.Information, "Reload applied: added [{Added}], removed [{Removed}], changed [{Changed}], {Unchanged} unchanged")]
    public static partial void ReloadApplied(ILogger logger, string added, string removed, string changed, int unchanged);

    [LoggerMessage(6004, LogLevel.Warning, "The {Setting} changed in the configuration; it takes effect at the next daemon restart")]
    public static partial void NeedsRestart(ILogger logger, string setting);

    [LoggerMessage(6005, LogLevel.Error, "The supervisor failed to apply the reload")]
    public static partial void ApplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(6006, LogLevel.Information, "Signal {Signal} received")]
    public static partial void SignalReceived(ILogger logger, string signal);

    [LoggerMessage(6007, LogLevel.Error, "Probing every tunnel failed")]
    public static partial void ProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(6008, LogLevel.Warning, "The supervisor did not answer a status request within {Deadline}; watchdog withheld")]
    public static partial void SupervisorUnresponsive(ILogger logger, TimeSpan deadline);

    [LoggerMessage(6009, LogLevel.Error, "The status request to the supervisor failed; watchdog withheld")]
    public static partial void StatusFailed(ILogger logger, Exception exception);

    [LoggerMessage(6010, LogLevel.Information, "Stopping every tunnel")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(6011, LogLevel.Error, "Stopping the supervisor failed or timed out")]
    public static partial void StopFailed(ILogger logger, Exception exception);

    [LoggerMessage(6012, LogLevel.Information, "Control API listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(6014, LogLevel.Warning, "control.tcp-port {Port} is ignored: the loopback TCP listener needs control.token-file")]
    public static partial void TcpWithoutToken(ILogger logger, int port);

    [LoggerMessage(6013, LogLevel.Critical, "The tunnel supervisor could not be started")]
    public static partial void StartFailed(ILogger logger, Exception exception);
}
