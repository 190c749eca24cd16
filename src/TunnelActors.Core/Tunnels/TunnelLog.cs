using Microsoft.Extensions.Logging;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tunnels;

/// <summary>Log messages of the tunnel actors (event ids 4200-4299).</summary>
internal static partial class TunnelLog
{
    /// <summary>The event id of <see cref="StderrLine"/> (the autossh drop-in copies these lines to its stderr).</summary>
    internal const int StderrLineEvent = 4209;

    /// <summary>The event id of <see cref="StdoutLine"/> (the autossh drop-in copies these lines to its stdout).</summary>
    internal const int StdoutLineEvent = 4215;

    [LoggerMessage(4200, LogLevel.Debug, "Tunnel {Tunnel}: dropping stale {Message}")]
    public static partial void StaleMessage(ILogger logger, string tunnel, object message);

    [LoggerMessage(4201, LogLevel.Information, "Tunnel {Tunnel}: {From} -> {To}")]
    public static partial void StateChanged(ILogger logger, string tunnel, TunnelState from, TunnelState to);

    [LoggerMessage(4202, LogLevel.Information, "Tunnel {Tunnel} #{Incarnation}: up (probe RTT {Rtt})")]
    public static partial void Up(ILogger logger, string tunnel, long incarnation, TimeSpan? rtt);

    [LoggerMessage(4203, LogLevel.Warning, "Tunnel {Tunnel} #{Incarnation}: probe failed ({Count} in a row): {Outcome} {Detail}")]
    public static partial void ProbeFailed(ILogger logger, string tunnel, long incarnation, int count, Monitoring.ProbeOutcome outcome, string? detail);

    [LoggerMessage(4204, LogLevel.Warning, "Tunnel {Tunnel} #{Incarnation}: stopping ssh ({Why})")]
    public static partial void StoppingSsh(ILogger logger, string tunnel, long incarnation, string why);

    [LoggerMessage(4205, LogLevel.Warning, "Tunnel {Tunnel} #{Incarnation}: ssh ended ({Status}), {Reason}: {LastLine}")]
    public static partial void SshEnded(ILogger logger, string tunnel, long incarnation, string status, FailureReason reason, string? lastLine);

    [LoggerMessage(4206, LogLevel.Information, "Tunnel {Tunnel}: next ssh in {Delay} (attempt {Attempt})")]
    public static partial void RestartScheduled(ILogger logger, string tunnel, TimeSpan delay, int attempt);

    [LoggerMessage(4207, LogLevel.Error, "Tunnel {Tunnel}: giving up ({Reason})")]
    public static partial void GaveUp(ILogger logger, string tunnel, GiveUpReason reason);

    [LoggerMessage(4208, LogLevel.Error, "Tunnel {Tunnel}: cannot build the ssh command: {Error}")]
    public static partial void InvalidCommand(ILogger logger, string tunnel, string error);

    [LoggerMessage(StderrLineEvent, LogLevel.Debug, "Tunnel {Tunnel} #{Incarnation} ssh: {Line}")]
    public static partial void StderrLine(ILogger logger, string tunnel, long incarnation, string line);

    [LoggerMessage(4210, LogLevel.Warning, "Ended {Count} ssh process(es) left by a previous run")]
    public static partial void OrphansReaped(ILogger logger, int count);

    [LoggerMessage(4211, LogLevel.Error, "Could not reap ssh processes left by a previous run")]
    public static partial void ReapFailed(ILogger logger, Exception exception);

    [LoggerMessage(4212, LogLevel.Error, "Tunnel {Tunnel}: its actor stopped for good (a bug); the tunnel is down until a reload or restart")]
    public static partial void ActorLost(ILogger logger, string tunnel);

    [LoggerMessage(4213, LogLevel.Warning, "Tunnel {Tunnel}: ssh pid {Pid} still running when the actor stopped; killed it")]
    public static partial void KilledOnStop(ILogger logger, string tunnel, int pid);

    [LoggerMessage(4214, LogLevel.Warning, "Tunnel {Tunnel}: the event sink failed")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string tunnel);

    [LoggerMessage(StdoutLineEvent, LogLevel.Debug, "Tunnel {Tunnel} #{Incarnation} remote command: {Line}")]
    public static partial void StdoutLine(ILogger logger, string tunnel, long incarnation, string line);
}
