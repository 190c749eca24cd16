namespace TunnelActors.Cli.Demo;

/// <summary>A fault the demo injects into one tunnel's server.</summary>
internal enum DemoFaultKind
{
    /// <summary>SIGKILL the sshd session: ssh sees the connection close.</summary>
    KillSession,

    /// <summary>SIGSTOP the sshd session: the connection stays open but carries nothing.</summary>
    FreezeSession,
}

/// <summary>One injected fault and, once traffic flows through a new ssh, how long recovery took.</summary>
/// <param name="Tunnel">The tunnel hit.</param>
/// <param name="Kind">What was done to its server session.</param>
/// <param name="InjectedAt">Timestamp (TimeProvider ticks) of the injection.</param>
/// <param name="IncarnationBefore">The tunnel's ssh incarnation when the fault was injected.</param>
internal sealed record DemoFault(string Tunnel, DemoFaultKind Kind, long InjectedAt, int IncarnationBefore)
{
    /// <summary>Time from injection to traffic through a new ssh, or null while not recovered.</summary>
    public TimeSpan? RecoveredAfter { get; set; }

    /// <summary>How the fault reads on screen.</summary>
    public string Describe() => Kind == DemoFaultKind.KillSession
        ? $"killed the sshd session of '{Tunnel}'"
        : $"froze the sshd session of '{Tunnel}' (SIGSTOP: open but silent)";
}
