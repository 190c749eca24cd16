namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Everything a scenario needs: options, the fixture, the prober and both tools.</summary>
internal sealed record BenchContext(
    BenchOptions Options,
    NetworkFixture Network,
    Sshd Sshd,
    ForwardProber Prober,
    AutosshTool Autossh,
    TunnelActorsTool TunnelActors,
    string WorkDir,
    Random Random)
{
    /// <summary>The tools in the order of round <paramref name="round"/> (alternating who goes first).</summary>
    public IReadOnlyList<ITunnelTool> ToolsForRound(int round)
    {
        ITunnelTool[] order = round % 2 == 0 ? [Autossh, TunnelActors] : [TunnelActors, Autossh];
        return order.Where(t => Options.Tools.Count == 0 || Options.Tools.Contains(t.Name)).ToList();
    }

    /// <summary>A fresh scratch directory for one run.</summary>
    public string RunDir(string scenario, int round, string tool)
    {
        var dir = Path.Combine(WorkDir, $"{scenario}-{round}-{tool}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Kills every leftover sshd session (frozen or blackholed ones included) and every process left in the client
    /// namespace (ssh orphaned by a supervisor) so the next run starts clean.
    /// </summary>
    public void ClearSessions()
    {
        var orphans = Network.KillClientProcesses();
        if (orphans > 0)
        {
            Console.Error.WriteLine($"  cleanup: killed {orphans} process(es) left in the client namespace");
        }

        Sshd.SignalSessions(Native.SigCont);
        Sshd.SignalSessions(Native.SigKill);
    }
}
