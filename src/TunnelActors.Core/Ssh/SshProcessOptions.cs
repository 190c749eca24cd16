namespace TunnelActors.Core.Ssh;

/// <summary>How <see cref="SshProcessFactory"/> runs ssh.</summary>
/// <param name="NewSession">Run each ssh in its own session and process group through <c>setsid</c> (util-linux), so a
/// terminal's Ctrl-C reaches only the supervisor and a stop also ends ssh's ProxyCommand children.</param>
/// <param name="SetsidPath">The setsid program; when missing, ssh runs in the supervisor's process group.</param>
/// <param name="TailLines">How many stderr lines are kept per incarnation.</param>
/// <param name="StderrDrainTimeout">After exit, how long to wait for the last stderr lines (a ProxyCommand child can
/// hold the pipe open, so end-of-file is not awaited forever).</param>
public sealed record SshProcessOptions(
    bool NewSession = true,
    string SetsidPath = "/usr/bin/setsid",
    int TailLines = StderrTail.DefaultCapacity,
    TimeSpan? StderrDrainTimeout = null)
{
    /// <summary>The defaults.</summary>
    public static SshProcessOptions Default { get; } = new();

    /// <summary>The effective drain timeout (default 1 s).</summary>
    public TimeSpan DrainTimeout => StderrDrainTimeout ?? TimeSpan.FromSeconds(1);
}
