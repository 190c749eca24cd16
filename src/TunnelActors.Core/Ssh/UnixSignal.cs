namespace TunnelActors.Core.Ssh;

/// <summary>The Linux signal numbers this project sends (signal(7), x86-64 and arm64).</summary>
public enum UnixSignal
{
    /// <summary>Hang-up.</summary>
    Hup = 1,

    /// <summary>Interrupt (Ctrl-C).</summary>
    Int = 2,

    /// <summary>Kill; cannot be caught.</summary>
    Kill = 9,

    /// <summary>Polite termination; ssh -N exits 0 on it (autossh.md §4.1).</summary>
    Term = 15,

    /// <summary>Continue a stopped process.</summary>
    Cont = 18,

    /// <summary>Stop; cannot be caught (used to freeze a process in tests).</summary>
    Stop = 19,
}
