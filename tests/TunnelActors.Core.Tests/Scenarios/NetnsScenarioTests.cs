using System.Diagnostics;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>An sshd in its own network namespace: autossh's TCP loop without port clashes, and a silent black hole.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class NetnsScenarioTests(ITestOutputHelper output)
{
    [RequiresRootFact]
    public async Task TcpLoop_InNamespace_UpAndCarriesTraffic()
    {
        await using var ns = await NetnsSshdFixture.StartAsync();
        var echo = ns.StartEchoServer();
        await using var rig = await ScenarioRig.StartAsync(output, ns.Sshd);
        var port = LoopbackPorts.FindFree();

        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, LoopTransport.Tcp), port, echo.Port));
        var up = await rig.WaitUpAsync("t");

        Assert.True(await ScenarioRig.EchoThroughAsync(port));
        Assert.NotNull(up.LastProbeRtt);
    }

    [RequiresRootFact]
    public async Task Blackhole_AllPacketsDropped_CaughtAndRestoredAfterRuleRemoved()
    {
        await using var ns = await NetnsSshdFixture.StartAsync(new SshdOptions(ClientAliveInterval: 0));
        var echo = ns.StartEchoServer();
        await using var rig = await ScenarioRig.StartAsync(output, ns.Sshd);
        var port = LoopbackPorts.FindFree();
        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, LoopTransport.Tcp), port, echo.Port));
        var before = await rig.WaitUpAsync("t");

        var clock = Stopwatch.StartNew();
        ns.Blackhole();
        await rig.WaitAsync("t", s => s.State != TunnelState.Up, "the black hole noticed");
        var noticed = clock.Elapsed;
        rig.Report("blackhole", "drop to first failed probe", noticed);
        await rig.WaitAsync(
            "t",
            _ => rig.Events.OfType<TunnelLifecycleEvent.SshExited>().Any(e => e.Reason == FailureReason.ProbeTimeout),
            "ssh killed for failed probes");
        rig.Report("blackhole", "drop to ssh killed (dead verdict)", clock.Elapsed);
        ns.Restore();
        var restoreClock = Stopwatch.StartNew();
        var after = await rig.WaitUpAsync("t", before.Incarnation);
        rig.Report("blackhole", "rule removed to Up again", restoreClock.Elapsed);

        Assert.True(await ScenarioRig.EchoThroughAsync(port));
        Assert.True(noticed < TimeSpan.FromSeconds(5), $"noticed after {noticed}");
        Assert.True(after.Incarnation > before.Incarnation);
    }
}
