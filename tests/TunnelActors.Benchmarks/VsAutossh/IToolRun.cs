namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>A running tool instance; disposal stops it (SIGTERM, then SIGKILL) and everything it started.</summary>
internal interface IToolRun : IAsyncDisposable
{
    /// <summary>The supervisor processes (N autossh processes, or one tunnelactors process).</summary>
    IReadOnlyList<int> SupervisorPids { get; }

    /// <summary>Whether a supervisor process has exited (a crash), with its last output.</summary>
    string? Failure { get; }

    /// <summary>ssh processes started by the supervisors (direct children named ssh).</summary>
    IReadOnlyList<int> SshPids() =>
        SupervisorPids.SelectMany(ProcFs.Children).Where(pid => ProcFs.Comm(pid) == "ssh").ToList();
}
