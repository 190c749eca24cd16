using System.Diagnostics;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>Real ssh against a real sshd on 127.0.0.1: the tunnel carries traffic and comes back after the server side dies or freezes.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class RecoveryScenarioTests(ITestOutputHelper output)
{
    private const string T = LoopScenario.Name;

    [RequiresSshdFact]
    public async Task Tunnel_LoopMonitor_UpAndCarriesTraffic()
    {
        await using var scenario = await LoopScenario.StartAsync(output);
        scenario.Rig.Report("traffic", "start to Up", scenario.StartToUp);

        Assert.True(await scenario.EchoThroughAsync());
        Assert.NotNull(scenario.Up.LastProbeRtt);
        Assert.NotNull(scenario.Up.Pid);
        Assert.Equal(1, scenario.Up.Incarnation);
    }

    [RequiresSshdFact]
    public async Task SessionKilled_SshExits_RestoredAtOnce()
    {
        await using var scenario = await LoopScenario.StartAsync(output);
        var (rig, before) = (scenario.Rig, scenario.Up);

        var clock = Stopwatch.StartNew();
        Assert.True(scenario.Sshd.SignalSessions(UnixSignal.Kill) > 0);
        var after = await scenario.WaitUpAgainAsync();
        rig.Report("killed connection", "kill to Up again", clock.Elapsed);
        var traffic = await scenario.EchoThroughAsync();
        rig.Report("killed connection", "kill to traffic flowing", clock.Elapsed);

        Assert.True(traffic);
        Assert.Equal(before.Incarnation + 1, after.Incarnation);
        Assert.NotEqual(before.Pid, after.Pid);
        Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.RestartScheduled>(), e => e.Tunnel == T && e.Delay == TimeSpan.Zero);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [RequiresSshdFact]
    public async Task SessionFrozen_SigStop_CaughtByMonitorAndRestored()
    {
        await using var scenario = await LoopScenario.StartAsync(output, new SshdOptions(ClientAliveInterval: 0));
        var (rig, before) = (scenario.Rig, scenario.Up);
        try
        {
            var clock = Stopwatch.StartNew();
            Assert.True(scenario.Sshd.SignalSessions(UnixSignal.Stop) > 0);
            await rig.WaitAsync(T, s => s.State != TunnelState.Up || s.Incarnation > before.Incarnation, "the freeze noticed");
            rig.Report("frozen session", "freeze to first failed probe", clock.Elapsed);
            var after = await scenario.WaitUpAgainAsync();
            rig.Report("frozen session", "freeze to Up again", clock.Elapsed);

            Assert.True(await scenario.EchoThroughAsync());
            Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.SshExited>(), e => e.Reason == FailureReason.ProbeTimeout);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(before.Incarnation + 1, after.Incarnation);
        }
        finally
        {
            scenario.Sshd.SignalSessions(UnixSignal.Cont);
        }
    }

    [RequiresSshdFact]
    public async Task SshdDown_ForThreeSeconds_RestoredWithinBackoffBound()
    {
        await using var scenario = await LoopScenario.StartAsync(output);
        var rig = scenario.Rig;

        await scenario.Sshd.StopAsync();
        await rig.WaitAsync(T, s => s.LastFailureClass == nameof(FailureReason.ConnectionRefused), "connection refused while sshd is down");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the outage itself, not a synchronisation
        await scenario.Sshd.RestartAsync();
        var clock = Stopwatch.StartNew();
        var after = await scenario.WaitUpAgainAsync();
        rig.Report("sshd down 3 s", "sshd back to Up", clock.Elapsed);

        Assert.True(await scenario.EchoThroughAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.4 + 5), $"took {clock.Elapsed}: beyond max backoff (2 s x 1.2) plus a handshake");
        Assert.True(after.Restarts >= 2);
    }

    [RequiresSshdFact]
    public async Task SshExitsZero_NotRestarted_Stopped()
    {
        await using var scenario = await LoopScenario.StartAsync(output);
        var rig = scenario.Rig;

        // ssh -N exits 0 on SIGTERM (autossh.md §4.1); someone other than the tunnel sends it.
        NativeMethods.Kill(scenario.Up.Pid!.Value, UnixSignal.Term);
        var stopped = await rig.WaitAsync(T, s => s.State == TunnelState.Stopped, "Stopped");

        Assert.Equal(nameof(FailureReason.CleanExit), stopped.LastFailureClass);
        Assert.Equal(1, stopped.Incarnation);
        Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.Stopped>(), e => e.By == StoppedBy.CleanExit);
    }

    [RequiresSshdFact]
    public async Task StopThenStart_Operator_PortFreeWhenStopReturnsAndUpAgainAfterStart()
    {
        await using var scenario = await LoopScenario.StartAsync(output);
        var (rig, up) = (scenario.Rig, scenario.Up);

        var clock = Stopwatch.StartNew();
        Assert.True(await rig.Controller.StopAsync(T, CancellationToken.None));
        rig.Report("operator stop", "stop command to reply", clock.Elapsed);
        var portFree = LoopbackPorts.IsFree(scenario.Port);
        var stopped = await rig.StatusAsync(T);
        Assert.True(await rig.Controller.StartAsync(T, CancellationToken.None));
        var again = await scenario.WaitUpAgainAsync();

        Assert.True(portFree);
        Assert.Equal(TunnelState.Stopped, stopped.State);
        Assert.True(ProcStat.TryRead(up.Pid!.Value) is null or { IsZombie: true }, "the stopped ssh still runs");
        Assert.True(await scenario.EchoThroughAsync());
        Assert.Equal(up.Incarnation + 1, again.Incarnation);
    }
}
