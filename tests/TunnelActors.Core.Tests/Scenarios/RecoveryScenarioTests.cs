using System.Diagnostics;
using TunnelActors.Core.Configuration;
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
    [RequiresSshdFact]
    public async Task Tunnel_LoopMonitor_UpAndCarriesTraffic()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        var clock = Stopwatch.StartNew();

        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), port, echo.Port));
        var up = await rig.WaitUpAsync("t");
        rig.Report("traffic", "start to Up", clock.Elapsed);

        Assert.True(await ScenarioRig.EchoThroughAsync(port));
        Assert.NotNull(up.LastProbeRtt);
        Assert.NotNull(up.Pid);
        Assert.Equal(1, up.Incarnation);
    }

    [RequiresSshdFact]
    public async Task SessionKilled_SshExits_RestoredAtOnce()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), port, echo.Port));
        var before = await rig.WaitUpAsync("t");

        var clock = Stopwatch.StartNew();
        Assert.True(sshd.SignalSessions(UnixSignal.Kill) > 0);
        var after = await rig.WaitUpAsync("t", before.Incarnation);
        rig.Report("killed connection", "kill to Up again", clock.Elapsed);
        var traffic = await ScenarioRig.EchoThroughAsync(port);
        rig.Report("killed connection", "kill to traffic flowing", clock.Elapsed);

        Assert.True(traffic);
        Assert.Equal(before.Incarnation + 1, after.Incarnation);
        Assert.NotEqual(before.Pid, after.Pid);
        Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.RestartScheduled>(), e => e.Tunnel == "t" && e.Delay == TimeSpan.Zero);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [RequiresSshdFact]
    public async Task SessionFrozen_SigStop_CaughtByMonitorAndRestored()
    {
        await using var sshd = await SshdFixture.StartAsync(new SshdOptions(ClientAliveInterval: 0));
        await using var echo = EchoServer.Start();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), port, echo.Port));
        var before = await rig.WaitUpAsync("t");
        try
        {
            var clock = Stopwatch.StartNew();
            Assert.True(sshd.SignalSessions(UnixSignal.Stop) > 0);
            await rig.WaitAsync("t", s => s.State != TunnelState.Up || s.Incarnation > before.Incarnation, "the freeze noticed");
            rig.Report("frozen session", "freeze to first failed probe", clock.Elapsed);
            var after = await rig.WaitUpAsync("t", before.Incarnation);
            rig.Report("frozen session", "freeze to Up again", clock.Elapsed);

            Assert.True(await ScenarioRig.EchoThroughAsync(port));
            Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.SshExited>(), e => e.Reason == FailureReason.ProbeTimeout);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(before.Incarnation + 1, after.Incarnation);
        }
        finally
        {
            sshd.SignalSessions(UnixSignal.Cont);
        }
    }

    [RequiresSshdFact]
    public async Task SshdDown_ForThreeSeconds_RestoredWithinBackoffBound()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), port, echo.Port));
        var before = await rig.WaitUpAsync("t");

        await sshd.StopAsync();
        await rig.WaitAsync("t", s => s.LastFailureClass == nameof(FailureReason.ConnectionRefused), "connection refused while sshd is down");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the outage itself, not a synchronisation
        await sshd.RestartAsync();
        var clock = Stopwatch.StartNew();
        var after = await rig.WaitUpAsync("t", before.Incarnation);
        rig.Report("sshd down 3 s", "sshd back to Up", clock.Elapsed);

        Assert.True(await ScenarioRig.EchoThroughAsync(port));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.4 + 5), $"took {clock.Elapsed}: beyond max backoff (2 s x 1.2) plus a handshake");
        Assert.True(after.Restarts >= 2);
    }

    [RequiresSshdFact]
    public async Task SshExitsZero_NotRestarted_Stopped()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), port, echo.Port));
        var up = await rig.WaitUpAsync("t");

        // ssh -N exits 0 on SIGTERM (autossh.md §4.1); someone other than the tunnel sends it.
        NativeMethods.Kill(up.Pid!.Value, UnixSignal.Term);
        var stopped = await rig.WaitAsync("t", s => s.State == TunnelState.Stopped, "Stopped");

        Assert.Equal(nameof(FailureReason.CleanExit), stopped.LastFailureClass);
        Assert.Equal(1, stopped.Incarnation);
        Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.Stopped>(), e => e.By == StoppedBy.CleanExit);
    }

    [RequiresSshdFact]
    public async Task StopThenStart_Operator_PortFreeWhenStopReturnsAndUpAgainAfterStart()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var port = LoopbackPorts.FindFree();
        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), port, echo.Port));
        var up = await rig.WaitUpAsync("t");

        var clock = Stopwatch.StartNew();
        Assert.True(await rig.Controller.StopAsync("t", CancellationToken.None));
        rig.Report("operator stop", "stop command to reply", clock.Elapsed);
        var portFree = LoopbackPorts.IsFree(port);
        var stopped = await rig.StatusAsync("t");
        Assert.True(await rig.Controller.StartAsync("t", CancellationToken.None));
        var again = await rig.WaitUpAsync("t", up.Incarnation);

        Assert.True(portFree);
        Assert.Equal(TunnelState.Stopped, stopped.State);
        Assert.True(ProcStat.TryRead(up.Pid!.Value) is null or { IsZombie: true }, "the stopped ssh still runs");
        Assert.True(await ScenarioRig.EchoThroughAsync(port));
        Assert.Equal(up.Incarnation + 1, again.Incarnation);
    }
}
