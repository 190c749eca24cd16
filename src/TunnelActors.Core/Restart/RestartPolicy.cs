using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Restart;

/// <summary>When to start the next ssh: a pure function of the ended run, the settings and one random draw.</summary>
/// <remarks>
/// Rules, in order:
/// 1. Stopped on purpose: no restart.
/// 2. autossh's gate (autossh.md §4.1 rule 2): the FIRST ssh ending within GateTime gives up, unless it was killed by a
///    signal or by the tunnel for failed probes (autossh restarts those, rule 1 and "when autossh kills ssh").
/// 3. Clean exit (0): no restart unless RestartOnCleanExit.
/// 4. A status nobody explained (no recognised stderr): 3..254 gives up; 1 or 2 on the first run with a gate gives up
///    (rules 5-6). ssh reports connection errors as 255, which always restarts.
/// 5. MaxStarts reached: give up (checked before each launch in autossh's loop, §4.2).
/// 6. The delay: a run that lasted StableAfter resets the failure count; the first failure after that restarts at once
///    (ImmediateFirstRestart), then Min·2^k capped at Max, times 1 + U·RandomFactor (as Akka's BackoffSupervisor).
///    Permanent causes (<see cref="FailureClassifier.IsPermanent"/>) wait Max at once; a refused -R waits at least
///    <see cref="RestartInput.RemoteForwardWait"/>.
/// 7. MaxLifetime: give up when the next start would come at or after the end of the lifetime (autossh can overshoot
///    it, §7 item 35; this does not).
/// </remarks>
public static class RestartPolicy
{
    /// <summary>Decides what follows the ended run in <paramref name="input"/>; <paramref name="random"/> is a uniform
    /// draw from [0, 1) for the jitter.</summary>
    public static RestartDecision Decide(RestartInput input, BackoffSettings backoff, LimitsSettings limits, double random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(limits);
        if (input.Reason == FailureReason.Stopped)
        {
            return RestartDecision.DontRestart.Instance;
        }

        var killed = input.Reason is FailureReason.KilledBySignal or FailureReason.ProbeTimeout;
        var firstRun = input.StartCount <= 1;
        var gated = limits.GateTime > TimeSpan.Zero;
        if (!killed && firstRun && gated && input.Uptime <= limits.GateTime)
        {
            return new RestartDecision.GiveUp(GiveUpReason.StartupFailure);
        }

        if (input.Reason == FailureReason.CleanExit && !limits.RestartOnCleanExit)
        {
            return RestartDecision.DontRestart.Instance;
        }

        if (input.Reason == FailureReason.Unknown && input.ExitCode is { } code)
        {
            if (code is >= 3 and <= 254)
            {
                return new RestartDecision.GiveUp(GiveUpReason.ExitStatus);
            }

            if (code is 1 or 2 && firstRun && gated)
            {
                return new RestartDecision.GiveUp(GiveUpReason.FirstRunError);
            }
        }

        if (limits.MaxStarts is { } maxStarts && input.StartCount >= maxStarts)
        {
            return new RestartDecision.GiveUp(GiveUpReason.MaxStartsReached);
        }

        var failures = input.Uptime >= backoff.StableAfter ? 1 : input.ConsecutiveFailures + 1;
        var delay = input.Reason.IsPermanent() ? Jitter(backoff.Max, backoff, random) : Delay(failures, backoff, random);
        if (input.Reason == FailureReason.RemoteForwardRefused && delay < input.RemoteForwardWait)
        {
            delay = input.RemoteForwardWait;
        }

        if (limits.MaxLifetime is { } lifetime && input.ExitedAt + delay >= input.TunnelStartedAt + lifetime)
        {
            return new RestartDecision.GiveUp(GiveUpReason.LifetimeExceeded);
        }

        return new RestartDecision.Restart(delay, failures);
    }

    /// <summary>The backoff delay before the restart that follows the <paramref name="failures"/>-th consecutive
    /// failure (1-based), with jitter from <paramref name="random"/> in [0, 1).</summary>
    public static TimeSpan Delay(int failures, BackoffSettings backoff, double random)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        if (backoff.ImmediateFirstRestart && failures == 1)
        {
            return TimeSpan.Zero;
        }

        var exponent = failures - (backoff.ImmediateFirstRestart ? 2 : 1);
        // 2^exponent in double: no overflow, and Min·2^k beyond Max is capped anyway.
        var ticks = Math.Min(backoff.Min.Ticks * Math.Pow(2, Math.Min(exponent, 62)), backoff.Max.Ticks);
        return Jitter(TimeSpan.FromTicks((long)ticks), backoff, random);
    }

    /// <summary>Whether a tunnel that has already started <paramref name="startCount"/> ssh processes may start one
    /// more (MaxStarts; 0 means never start, as AUTOSSH_MAXSTART=0).</summary>
    public static bool MayStart(int startCount, LimitsSettings limits) =>
        limits.MaxStarts is not { } max || startCount < max;

    /// <summary>How long a tunnel started at <paramref name="tunnelStartedAt"/> may still run, or null when unlimited
    /// (the tunnel stops its ssh when this reaches zero).</summary>
    public static TimeSpan? LifetimeLeft(DateTimeOffset tunnelStartedAt, DateTimeOffset now, LimitsSettings limits)
    {
        if (limits.MaxLifetime is not { } lifetime)
        {
            return null;
        }

        var left = tunnelStartedAt + lifetime - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static TimeSpan Jitter(TimeSpan delay, BackoffSettings backoff, double random)
    {
        if (random is < 0 or >= 1 || double.IsNaN(random))
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "Expected a uniform draw from [0, 1).");
        }

        var factor = Math.Clamp(backoff.RandomFactor, 0, 1);
        return TimeSpan.FromTicks((long)(delay.Ticks * (1 + (random * factor))));
    }
}
