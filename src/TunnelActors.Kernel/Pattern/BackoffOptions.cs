using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Pattern;

/// <summary>Immutable options of a backoff supervisor; every <c>With*</c> returns a new instance.</summary>
/// <remarks>
/// Ordering gotcha (as in Akka): <see cref="WithSupervisorStrategy"/> replaces the whole strategy, including the retry
/// limit given to <see cref="Backoff.OnStop"/>; call <see cref="WithMaxNrOfRetries"/> after it.
/// </remarks>
public sealed record BackoffOptions
{
    internal BackoffOptions(BackoffKind kind, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        Kind = kind;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        Strategy = new OneForOneStrategy(SupervisorStrategy.DefaultDecider).WithMaxNrOfRetries(maxNrOfRetries);
    }

    /// <summary>OnStop or OnFailure.</summary>
    public BackoffKind Kind { get; }

    /// <summary>Props of the child.</summary>
    public Props ChildProps { get; }

    /// <summary>Name of the child.</summary>
    public string ChildName { get; }

    /// <summary>First delay.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>Cap on the delay (before jitter).</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Jitter factor in [0, 1].</summary>
    public double RandomFactor { get; }

    /// <summary>How the restart count resets. Default: <c>AutoReset(MinBackoff)</c>.</summary>
    public BackoffReset? Reset { get; private init; }

    /// <summary>The strategy for the child; its <see cref="OneForOneStrategy.MaxNumberOfRetries"/> is the restart limit. Default: DefaultDecider, unlimited.</summary>
    public OneForOneStrategy Strategy { get; private init; }

    /// <summary>Replied to senders while there is no child (null: messages go to dead letters).</summary>
    public object? ReplyWhileStopped { get; private init; }

    /// <summary>Predicate marking a message after which the supervisor stops instead of restarting.</summary>
    public Func<object, bool>? FinalStopMessage { get; private init; }

    /// <summary>Source of U[0,1) draws for the jitter. Default: <see cref="Random.Shared"/>.</summary>
    public Func<double> RandomSource { get; private init; } = Random.Shared.NextDouble;

    /// <summary>The reset mode in effect (<c>AutoReset(MinBackoff)</c> when none was chosen).</summary>
    public BackoffReset EffectiveReset => Reset ?? new AutoReset(MinBackoff);

    /// <summary>Props for the supervisor; validates the options.</summary>
    /// <exception cref="ArgumentException">MinBackoff ≤ 0, MaxBackoff &lt; MinBackoff, or RandomFactor outside [0, 1].</exception>
    public Props Props => BackoffSupervisor.Props(this);

    /// <summary>Resets the count once a child survived <paramref name="resetBackoff"/>.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { Reset = new AutoReset(resetBackoff) };

    /// <summary>Resets the count only on <see cref="BackoffSupervisor.Reset"/>.</summary>
    public BackoffOptions WithManualReset() => this with { Reset = ManualReset.Instance };

    /// <summary>Replaces the whole strategy (decider, retry limit and window).</summary>
    public BackoffOptions WithSupervisorStrategy(OneForOneStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { Strategy = strategy };
    }

    /// <summary>Every exception stops the child (so OnStop backs off on exceptions too); keeps the retry limit, drops the window.</summary>
    public BackoffOptions WithDefaultStoppingStrategy() =>
        this with { Strategy = new OneForOneStrategy(Strategy.MaxNumberOfRetries, null, SupervisorStrategy.StoppingStrategy.Decider) };

    /// <summary>Sets the retry limit on the current strategy (decider and window kept); negative means unlimited.</summary>
    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { Strategy = Strategy.WithMaxNrOfRetries(maxNrOfRetries) };

    /// <summary>Replies <paramref name="replyWhileStopped"/> to senders while there is no child.</summary>
    public BackoffOptions WithReplyWhileStopped(object replyWhileStopped)
    {
        ArgumentNullException.ThrowIfNull(replyWhileStopped);
        return this with { ReplyWhileStopped = replyWhileStopped };
    }

    /// <summary>After a message matching <paramref name="isFinalStopMessage"/>, the next stop of the child is final.</summary>
    public BackoffOptions WithFinalStopMessage(Func<object, bool> isFinalStopMessage)
    {
        ArgumentNullException.ThrowIfNull(isFinalStopMessage);
        return this with { FinalStopMessage = isFinalStopMessage };
    }

    /// <summary>Injects the U[0,1) source used for jitter (tests pass a fixed or seeded one).</summary>
    public BackoffOptions WithRandomSource(Func<double> randomSource)
    {
        ArgumentNullException.ThrowIfNull(randomSource);
        return this with { RandomSource = randomSource };
    }
}
