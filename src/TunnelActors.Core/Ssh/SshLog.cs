using Microsoft.Extensions.Logging;

namespace TunnelActors.Core.Ssh;

/// <summary>Log messages of the ssh process layer (event ids 4100-4199).</summary>
internal static partial class SshLog
{
    [LoggerMessage(4100, LogLevel.Information, "Tunnel {Tunnel} #{Incarnation}: ssh started, pid {Pid}, argv digest {Digest}")]
    public static partial void Started(ILogger logger, string tunnel, long incarnation, int pid, string digest);

    [LoggerMessage(4101, LogLevel.Warning, "Tunnel {Tunnel} #{Incarnation}: ssh could not be started: {Error}")]
    public static partial void StartFailed(ILogger logger, string tunnel, long incarnation, string error);

    [LoggerMessage(4102, LogLevel.Information, "Tunnel {Tunnel} #{Incarnation}: ssh pid {Pid} ended ({Status}) after {Uptime}")]
    public static partial void Exited(ILogger logger, string tunnel, long incarnation, int pid, string status, TimeSpan uptime);

    [LoggerMessage(4103, LogLevel.Warning, "Tunnel {Tunnel} #{Incarnation}: ssh pid {Pid} ignored SIGTERM for {Grace}; sending SIGKILL")]
    public static partial void Escalated(ILogger logger, string tunnel, long incarnation, int pid, TimeSpan grace);

    [LoggerMessage(4104, LogLevel.Warning, "Orphan ssh of tunnel {Tunnel} (pid {Pid}, incarnation {Incarnation}) left by a previous run: ending it")]
    public static partial void OrphanFound(ILogger logger, string tunnel, int pid, long incarnation);

    [LoggerMessage(4105, LogLevel.Debug, "Stale pid registry entry of tunnel {Tunnel}: pid {Pid} is gone or reused")]
    public static partial void StaleEntry(ILogger logger, string tunnel, int pid);

    [LoggerMessage(4106, LogLevel.Warning, "Could not update the pid registry for tunnel {Tunnel}")]
    public static partial void RegistryFailed(ILogger logger, Exception exception, string tunnel);
}
