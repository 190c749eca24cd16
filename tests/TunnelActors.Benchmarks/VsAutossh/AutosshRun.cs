namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>N running autossh processes.</summary>
internal sealed class AutosshRun(IReadOnlyList<ChildProcess> processes) : IToolRun
{
    public IReadOnlyList<int> SupervisorPids { get; } = processes.Select(p => p.Pid).ToList();

    public string? Failure => processes.FirstOrDefault(p => p.HasExited) is { } dead
        ? $"autossh {dead.Pid} exited {dead.ExitCode}: {dead.Tail}"
        : null;

    public async ValueTask DisposeAsync()
    {
        // autossh answers SIGTERM by terminating its ssh and waiting for it (spec §4.3); a stopped or hung ssh
        // would keep it waiting, so leftover ssh children are killed after the grace period.
        var ssh = ((IToolRun)this).SshPids();
        await Task.WhenAll(processes.Select(p => p.StopAsync(TimeSpan.FromSeconds(5))));
        foreach (var pid in ssh)
        {
            if (ProcFs.Comm(pid) == "ssh")
            {
                Native.Kill(pid, Native.SigKill);
            }
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}
