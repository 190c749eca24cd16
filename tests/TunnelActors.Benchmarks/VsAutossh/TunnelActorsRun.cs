namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>One running <c>tunnelactors run</c> process supervising every tunnel of the plan.</summary>
internal sealed class TunnelActorsRun(ChildProcess process) : IToolRun
{
    public IReadOnlyList<int> SupervisorPids { get; } = [process.Pid];

    public string? Failure => process.HasExited ? $"tunnelactors exited {process.ExitCode}: {process.Tail}" : null;

    /// <summary>The daemon's last output lines.</summary>
    public string Tail => process.Tail;

    /// <summary>Completes when the daemon exits.</summary>
    public Task Exited => process.Exited;

    public async ValueTask DisposeAsync()
    {
        // The daemon stops its ssh processes on SIGTERM; anything left after its grace period is killed here.
        var ssh = ((IToolRun)this).SshPids();
        await process.StopAsync(TimeSpan.FromSeconds(15));
        foreach (var pid in ssh)
        {
            if (ProcFs.Comm(pid) == "ssh")
            {
                Native.Kill(pid, Native.SigKill);
            }
        }

        await process.DisposeAsync();
    }
}
