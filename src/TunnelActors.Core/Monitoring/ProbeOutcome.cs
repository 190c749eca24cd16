namespace TunnelActors.Core.Monitoring;

/// <summary>How one echo probe ended.</summary>
public enum ProbeOutcome
{
    /// <summary>The exact bytes came back in time.</summary>
    Ok,

    /// <summary>No (complete) answer within the timeout: the tunnel carries nothing.</summary>
    Timeout,

    /// <summary>Nothing listens at the probe's local end (ssh is gone or its -L listener is not up yet).</summary>
    Refused,

    /// <summary>The connection was closed or reset before the whole answer arrived (e.g. the far end refused the forward).</summary>
    Closed,

    /// <summary>Bytes came back but not the ones sent (a foreign echo, a mangling middlebox, another probe's answer).</summary>
    Mismatch,

    /// <summary>Any other socket error.</summary>
    Error,
}
