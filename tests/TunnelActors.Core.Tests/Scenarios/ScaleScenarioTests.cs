using System.Diagnostics;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>Many tunnels at once, and ssh processes left behind by a run that died.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class ScaleScenarioTests(ITestOutputHelper output)
{
    [RequiresSshdFact]
    public async Task FiftyTunnels_AllConnectionsKilled_AllRestoredNoOrphans()
    {
        const int count = 50;
        await using var sshd = await SshdFixture.StartAsync(new SshdOptions(ExtraConfig: ["MaxStartups 100:30:200", "MaxSessions 100"]));
        await using var echo = EchoServer.Start();
        var rig = await ScenarioRig.StartAsync(output, sshd);
        var names = Enumerable.Range(0, count).Select(i => $"t{i:00}").ToList();
        var distinct = new HashSet<int>();
        while (distinct.Count < count)
        {
            distinct.Add(LoopbackPorts.FindFree());
        }

        var ports = names.Zip(distinct).ToDictionary(p => p.First, p => p.Second);
        var pids = new List<int>();
        try
        {
            var clock = Stopwatch.StartNew();
            rig.Start(10, [.. names.Select(n => rig.Tunnel(n, ScenarioRig.Monitor(MonitorMode.Echo, echoPort: echo.Port), ports[n], echo.Port))]);
            foreach (var name in names)
            {
                pids.Add((await rig.WaitUpAsync(name, timeout: TimeSpan.FromSeconds(60))).Pid!.Value);
            }

            rig.Report("50 tunnels", "start to all Up", clock.Elapsed);
            clock.Restart();
            sshd.SignalSessions(UnixSignal.Kill);
            foreach (var name in names)
            {
                var status = await rig.WaitUpAsync(name, 1, TimeSpan.FromSeconds(60));
                pids.Add(status.Pid!.Value);
            }

            rig.Report("50 tunnels", "all sessions killed to all Up again", clock.Elapsed);
            Assert.True(await ScenarioRig.EchoThroughAsync(ports[names[^1]]));
        }
        finally
        {
            await rig.DisposeAsync();
        }

        Assert.All(pids, pid => Assert.False(OrphanReaper.IsAlive(new PidRegistryEntry("x", pid, ProcStat.TryRead(pid)?.StartTime ?? 0, 0)), $"ssh {pid} outlived the system"));
        Assert.Empty(PidRegistry.InStateDir(rig.StateDir).ReadAll());
    }

    [RequiresSshdFact]
    public async Task PreviousRunKilled_ItsSshLeftRunning_ReapedWhenTheNextRunStarts()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        var first = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        var tunnel = first.Tunnel("t", ScenarioRig.Monitor(MonitorMode.None), port, echo.Port);
        first.Start(tunnel);
        var orphanPid = (await first.WaitUpAsync("t")).Pid!.Value;
        var orphan = new PidRegistryEntry("t", orphanPid, ProcStat.TryRead(orphanPid)!.StartTime, 1);
        try
        {
            // A second run on the same state directory while the first one's ssh still runs: what a SIGKILLed daemon leaves.
            await using var second = await ScenarioRig.StartAsync(output, sshd);
            second.Start(tunnel);
            var up = await second.WaitUpAsync("t");

            Assert.False(OrphanReaper.IsAlive(orphan));
            Assert.NotEqual(orphanPid, up.Pid);
            Assert.True(await ScenarioRig.EchoThroughAsync(port));
        }
        finally
        {
            await first.System.Terminate();
        }
    }
}
