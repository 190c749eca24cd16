namespace TunnelActors.Core.Restart;

/// <summary>What the tunnel should do after its ssh ended.</summary>
public abstract record RestartDecision
{
    private RestartDecision()
    {
    }

    /// <summary>Start a new ssh after <paramref name="Delay"/>.</summary>
    /// <param name="Delay">How long to wait (zero: at once).</param>
    /// <param name="ConsecutiveFailures">The failure count to remember for the next decision.</param>
    public sealed record Restart(TimeSpan Delay, int ConsecutiveFailures) : RestartDecision;

    /// <summary>Stop trying: a limit was reached or the failure is fatal by autossh's rules.</summary>
    /// <param name="Reason">Which rule gave up.</param>
    public sealed record GiveUp(GiveUpReason Reason) : RestartDecision;

    /// <summary>Do not restart, and it is not a failure (ssh exited cleanly, or the tunnel stopped it on purpose).</summary>
    public sealed record DontRestart : RestartDecision
    {
        /// <summary>The single instance.</summary>
        public static DontRestart Instance { get; } = new();
    }
}
