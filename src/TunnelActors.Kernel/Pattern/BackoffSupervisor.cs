using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Pattern;

/// <summary>
/// The OnStop backoff supervisor: when its child stops, starts a new one after an exponentially growing, jittered delay,
/// until the retry limit is reached (then it stops itself). See <see cref="Backoff.OnStop"/>.
/// </summary>
public sealed partial class BackoffSupervisor : BackoffSupervisorBase
{
    private BackoffSupervisor(BackoffOptions options)
        : base(options)
    {
    }

    /// <summary>Props for a supervisor of the flavour chosen by <paramref name="options"/> (OnStop or OnFailure).</summary>
    /// <exception cref="ArgumentException">MinBackoff ≤ 0, MaxBackoff &lt; MinBackoff, or RandomFactor outside [0, 1].</exception>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentException("MinBackoff must be greater than 0", nameof(options));
        }

        if (options.MaxBackoff < options.MinBackoff)
        {
            throw new ArgumentException("MaxBackoff must be greater than MinBackoff", nameof(options));
        }

        if (options.RandomFactor is < 0.0 or > 1.0 || double.IsNaN(options.RandomFactor))
        {
            throw new ArgumentException("RandomFactor must be between 0.0 and 1.0", nameof(options));
        }

        return options.Kind == BackoffKind.OnStop
            ? Actor.Props.Create(() => new BackoffSupervisor(options))
            : Actor.Props.Create(() => new BackoffOnRestartSupervisor(options));
    }

    /// <summary>Akka's older overload: OnStop with <c>AutoReset(minBackoff)</c>.</summary>
    public static Props Props(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1) =>
        Props(Backoff.OnStop(childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries));

    /// <summary>Akka's older overload with an explicit strategy (OnStop, <c>AutoReset(minBackoff)</c>).</summary>
    public static Props PropsWithSupervisorStrategy(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, OneForOneStrategy strategy) =>
        Props(Backoff.OnStop(childProps, childName, minBackoff, maxBackoff, randomFactor).WithSupervisorStrategy(strategy));

    /// <summary>
    /// Akka's delay formula: <c>min(maxBackoff, minBackoff · 2^restartCount) · (1 + random · randomFactor)</c>, in ticks and
    /// double arithmetic; if the result is negative or overflows a long, <paramref name="maxBackoff"/>. Pure: the U[0,1) draw is
    /// the <paramref name="random"/> argument. The jitter applies after the cap, so delays can reach maxBackoff × (1 + randomFactor).
    /// </summary>
    /// <param name="restartCount">Restarts so far (before this one): the k-th restart passes k-1.</param>
    /// <param name="minBackoff">First delay.</param>
    /// <param name="maxBackoff">Cap before jitter.</param>
    /// <param name="randomFactor">Jitter factor in [0, 1].</param>
    /// <param name="random">A draw from U[0,1).</param>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, double random = 0.0)
    {
        var factor = 1.0 + (random * randomFactor);
        var ticks = Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount)) * factor;
        return ticks < 0d || ticks >= long.MaxValue || double.IsNaN(ticks) ? maxBackoff : new TimeSpan((long)ticks);
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => Options.Strategy;

    /// <inheritdoc />
    protected internal override bool Receive(object message)
    {
        if (message is Terminated terminated && Child is not null && terminated.ActorRef.Equals(Child))
        {
            OnChildTerminated();
            return true;
        }

        return HandleBackoff(message);
    }

    private void OnChildTerminated()
    {
        Child = null;
        if (FinalStopMessageReceived)
        {
            Context.Stop(Self);
            return;
        }

        // Any negative limit means unlimited (Akka checks -1 literally; documented deviation).
        var maxNrOfRetries = Options.Strategy.MaxNumberOfRetries;
        var next = RestartCountN + 1;
        if (maxNrOfRetries < 0 || next <= maxNrOfRetries)
        {
            ScheduleRestart();
        }
        else
        {
            BackoffLog.RetriesExhausted(Context.System.KernelLogger, Self.Path, next, maxNrOfRetries);
            Context.Stop(Self);
        }
    }
}
