using System.Diagnostics;
using System.Globalization;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Ssh;

/// <summary>Real ssh (built by <see cref="SshCommandBuilder"/>, run by <see cref="SshProcessFactory"/>) against a real sshd.</summary>
public sealed class SshProcessIntegrationTests(ITestOutputHelper output)
{
    [RequiresSshdFact]
    public async Task Start_LocalForward_CarriesTrafficToEchoServer()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        var port = LoopbackPorts.FindFree();
        var tunnel = sshd.CreateTunnel("web", local: [Local(port, echo.Port)]);
        var clock = Stopwatch.StartNew();

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("web", 1, SshCommandBuilder.Build(tunnel)));
        await Eventually.ListeningAsync(new ProbeEndpoint.Tcp(port));
        var up = clock.Elapsed;
        var result = await Eventually.ProbeOkAsync(new ProbeEndpoint.Tcp(port));

        output.WriteLine($"ssh start to -L listening: {up.TotalMilliseconds:0} ms; probe RTT {result.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(result.IsOk);
        Assert.True(echo.Connections >= 1, "the echo server behind the forward answered");
        Assert.False(ssh.Exited.IsCompleted);
    }

    [RequiresSshdFact]
    public async Task KillSession_SshExits_ClassifiedClosedByRemote()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var port = LoopbackPorts.FindFree();
        var tunnel = sshd.CreateTunnel("k", local: [Local(port, sshd.Port)]);
        var known = sshd.SessionPids();
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("k", 1, SshCommandBuilder.Build(tunnel)));
        await Eventually.ListeningAsync(new ProbeEndpoint.Tcp(port));
        var session = await sshd.WaitForNewSessionAsync(known);

        var clock = Stopwatch.StartNew();
        sshd.SignalSession(session, UnixSignal.Kill);
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

        output.WriteLine($"session killed to ssh exit: {clock.Elapsed.TotalMilliseconds:0} ms; stderr: {string.Join(" | ", exit.StderrTail)}");
        Assert.Equal(255, exit.ExitCode);
        Assert.Equal(FailureReason.ClosedByRemote, FailureClassifier.Classify(exit));
    }

    [RequiresSshdFact]
    public async Task StopSession_ProbesTimeOut_ThenServerAliveEndsSshAsTimeout()
    {
        await using var sshd = await SshdFixture.StartAsync(new SshdOptions(ClientAliveInterval: 0));
        await using var echo = EchoServer.Start();
        var port = LoopbackPorts.FindFree();
        var tunnel = sshd.CreateTunnel("frozen", local: [Local(port, echo.Port)], extraOptions: [new("ServerAliveInterval", "1"), new("ServerAliveCountMax", "2")]);
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("frozen", 1, SshCommandBuilder.Build(tunnel)));
        await Eventually.ProbeOkAsync(new ProbeEndpoint.Tcp(port));
        var sessions = await sshd.WaitForSessionsAsync();

        var clock = Stopwatch.StartNew();
        sshd.SignalSessions(UnixSignal.Stop);
        try
        {
            var probe = await EchoProbe.RunAsync(new ProbeEndpoint.Tcp(port), ProbeNonce.Create("frozen", 1, 99), TimeSpan.FromMilliseconds(500), TimeProvider.System);
            var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

            output.WriteLine($"SIGSTOP to ssh exit (ServerAlive 1 s x 2): {clock.Elapsed.TotalMilliseconds:0} ms");
            Assert.Equal(ProbeOutcome.Timeout, probe.Outcome);
            Assert.Equal(FailureReason.Timeout, FailureClassifier.Classify(exit));
        }
        finally
        {
            foreach (var pid in sessions)
            {
                NativeMethods.Kill(pid, UnixSignal.Kill);
            }
        }
    }

    [RequiresSshdFact]
    public async Task StopAsync_TwoPhase_FreesForwardPortForTheNextIncarnation()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        var port = LoopbackPorts.FindFree();
        var tunnel = sshd.CreateTunnel("p", local: [Local(port, echo.Port)]);
        var factory = new SshProcessFactory(TimeProvider.System);
        var first = factory.Start(new SshStartRequest("p", 1, SshCommandBuilder.Build(tunnel)));
        await Eventually.ListeningAsync(new ProbeEndpoint.Tcp(port));

        var exit = await first.StopAsync(TimeSpan.FromSeconds(3)).WaitAsync(Eventually.Safety);
        var freeAfterStop = LoopbackPorts.IsFree(port);
        await using var second = factory.Start(new SshStartRequest("p", 2, SshCommandBuilder.Build(tunnel)));
        var probe = await Eventually.ProbeOkAsync(new ProbeEndpoint.Tcp(port));
        await first.DisposeAsync();

        Assert.True(exit.StopRequested);
        Assert.Equal(0, exit.ExitCode); // ssh -N exits 0 on SIGTERM (autossh.md §4.1)
        Assert.True(freeAfterStop, "the -L port must be free once StopAsync completes");
        Assert.True(probe.IsOk);
    }

    [RequiresSshdFact]
    public async Task Start_EchoModeForward_ProbeOk()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var echo = EchoServer.Start();
        var monitor = MonitorForwards.Echo(LoopbackPorts.FindFree(), echo.Port);
        var tunnel = sshd.CreateTunnel("echo");

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("echo", 1, SshCommandBuilder.Build(tunnel, monitor)));
        var result = await Eventually.ProbeOkAsync(monitor.ProbeTarget!, "echo");

        Assert.True(result.IsOk);
        Assert.True(echo.Connections >= 1);
    }

    [RequiresSshdFact]
    public async Task Start_UnixLoopForwards_ProbeCrossesTheLoopAndEchoes()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var monitor = MonitorForwards.LoopUnix(Path.Combine(sshd.Directory, "mon"), Path.Combine(sshd.Directory, "remote"), "loop", 1, "00c0ffee");
        Directory.CreateDirectory(Path.Combine(sshd.Directory, "remote"));
        await using var listener = LoopListener.Start(monitor.ListenerEndpoint!);
        var tunnel = sshd.CreateTunnel("loop");

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("loop", 1, SshCommandBuilder.Build(tunnel, monitor)));
        var result = await Eventually.ProbeOkAsync(monitor.ProbeTarget!, "loop");

        output.WriteLine($"loop probe RTT: {result.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(result.IsOk);
        Assert.True(listener.ConnectionsAccepted >= 1, "the probe must have come back through the -R to our listener");
        Assert.True(File.Exists(monitor.RemoteSocket), "sshd created the remote end of the loop");
    }

    [RequiresSshdFact]
    public async Task Start_UnixLoop_ListenerGone_ProbeFails()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var monitor = MonitorForwards.LoopUnix(Path.Combine(sshd.Directory, "mon"), sshd.Directory, "loop", 1, "0000dead");
        var listener = LoopListener.Start(monitor.ListenerEndpoint!);
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("loop", 1, SshCommandBuilder.Build(sshd.CreateTunnel("loop"), monitor)));
        await Eventually.ProbeOkAsync(monitor.ProbeTarget!, "loop");

        await listener.DisposeAsync();
        var result = await EchoProbe.RunAsync(monitor.ProbeTarget!, ProbeNonce.Create("loop", 1, 2), TimeSpan.FromSeconds(2), TimeProvider.System);

        Assert.False(result.IsOk);
        Assert.False(ssh.Exited.IsCompleted, "ssh survives a failed forwarded connection; only the probe notices");
    }

    private static ForwardSpec Local(int listenPort, int targetPort) =>
        new(ForwardKind.Local, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{listenPort}:127.0.0.1:{targetPort}"), "127.0.0.1", listenPort, null, "127.0.0.1", targetPort, null);
}
