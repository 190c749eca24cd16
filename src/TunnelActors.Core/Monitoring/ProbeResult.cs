namespace TunnelActors.Core.Monitoring;

/// <summary>The result of one echo probe.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Elapsed">Time from connect to the verdict (the round-trip time when <see cref="ProbeOutcome.Ok"/>).</param>
/// <param name="Detail">A short explanation for the journal, or null when OK.</param>
public sealed record ProbeResult(ProbeOutcome Outcome, TimeSpan Elapsed, string? Detail = null)
{
    /// <summary>Whether the probe succeeded.</summary>
    public bool IsOk => Outcome == ProbeOutcome.Ok;
}
