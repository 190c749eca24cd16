namespace TunnelActors.Core.Configuration;

/// <summary>When a tunnel gives up. The defaults never give up.</summary>
/// <param name="GateTime">An ssh that exits sooner than this after its first start counts as a start-up failure
/// (autossh's AUTOSSH_GATETIME); zero disables the check.</param>
/// <param name="MaxStarts">Give up after this many starts (autossh's AUTOSSH_MAXSTART); null is unlimited.</param>
/// <param name="MaxLifetime">Stop the tunnel after it has existed this long (AUTOSSH_MAXLIFETIME); null is unlimited.</param>
/// <param name="RestartOnCleanExit">Restart when ssh exits 0 (autossh does not).</param>
public sealed record LimitsSettings(
    TimeSpan GateTime,
    int? MaxStarts,
    TimeSpan? MaxLifetime,
    bool RestartOnCleanExit);
