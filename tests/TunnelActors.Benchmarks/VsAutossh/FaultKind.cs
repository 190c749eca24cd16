namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>What is done to the server side of a healthy tunnel.</summary>
internal enum FaultKind
{
    /// <summary>SIGKILL the sshd session processes: the TCP connection closes, ssh exits at once.</summary>
    KillSession,

    /// <summary>SIGSTOP the sshd session processes: TCP stays open (the kernel still ACKs), nothing is relayed.</summary>
    FreezeSession,

    /// <summary>iptables DROP of the established ssh connection in both directions (a dead path); new connections pass.</summary>
    Blackhole,
}
