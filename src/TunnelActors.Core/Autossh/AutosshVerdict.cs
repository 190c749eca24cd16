namespace TunnelActors.Core.Autossh;

/// <summary>What autossh does after ssh ends (<c>P_RESTART</c>, <c>P_EXITOK</c>, <c>P_EXITERR</c>).</summary>
public enum AutosshVerdict
{
    /// <summary>Start ssh again (after the grace-time backoff).</summary>
    Restart,

    /// <summary>Stop and exit 0.</summary>
    ExitOk,

    /// <summary>Stop and exit 1.</summary>
    ExitError,
}
