using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TunnelActors.Core.Ssh;

/// <summary>Ends the ssh processes a previous run left behind (it was SIGKILLed or crashed), found through the
/// <see cref="PidRegistry"/>.</summary>
/// <remarks>Run it once at start-up, BEFORE this run starts any ssh: every live entry is treated as an orphan.</remarks>
/// <param name="registry">The registry the previous run wrote.</param>
/// <param name="time">The clock for the grace period and the exit polling.</param>
/// <param name="logger">The logger, or null for none.</param>
public sealed class OrphanReaper(PidRegistry registry, TimeProvider time, ILogger<OrphanReaper>? logger = null)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>SIGTERMs every recorded process that still is the process recorded (same pid AND start time), SIGKILLs
    /// those still alive after <paramref name="gracePeriod"/>, then clears the registry.</summary>
    /// <returns>The processes that were found alive and ended.</returns>
    public async Task<ImmutableArray<ReapedProcess>> ReapAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        var reaped = ImmutableArray.CreateBuilder<ReapedProcess>();
        foreach (var entry in registry.ReadAll())
        {
            var stat = ProcStat.TryRead(entry.Pid);
            if (stat is null || stat.IsZombie || stat.StartTime != entry.StartTime)
            {
                SshLog.StaleEntry(_logger, entry.TunnelName, entry.Pid);
            }
            else
            {
                SshLog.OrphanFound(_logger, entry.TunnelName, entry.Pid, entry.Incarnation);
                var target = stat.ProcessGroup == entry.Pid ? -entry.Pid : entry.Pid;
                NativeMethods.Kill(target, UnixSignal.Term);
                NativeMethods.Kill(target, UnixSignal.Cont);
                var killed = !await WaitGoneAsync(entry, gracePeriod, cancellationToken);
                if (killed)
                {
                    NativeMethods.Kill(target, UnixSignal.Kill);
                    await WaitGoneAsync(entry, gracePeriod, cancellationToken);
                }

                reaped.Add(new ReapedProcess(entry, killed));
            }

            registry.Remove(entry.TunnelName, entry.Pid);
        }

        return reaped.ToImmutable();
    }

    /// <summary>Whether the recorded process (pid and start time) still exists and has not ended.</summary>
    public static bool IsAlive(PidRegistryEntry entry) =>
        ProcStat.TryRead(entry.Pid) is { IsZombie: false } stat && stat.StartTime == entry.StartTime;

    private async Task<bool> WaitGoneAsync(PidRegistryEntry entry, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (IsAlive(entry))
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }

        return true;
    }
}
