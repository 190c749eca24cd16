using System.Diagnostics;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Monitoring;

/// <summary>The monitor forwards through a real ssh to an sshd in its own network namespace.</summary>
public sealed class MonitorForwardsIntegrationTests(ITestOutputHelper output)
{
    [RequiresRootFact]
    public async Task LoopTcp_ServerInNamespace_ProbeGoesRoundTheAutosshLoop()
    {
        await using var ns = await NetnsSshdFixture.StartAsync();
        var monitor = MonitorForwards.LoopTcp(LoopbackPorts.FindFreePair());
        await using var listener = LoopListener.Start(monitor.ListenerEndpoint!);

        await using var ssh = Start(ns.Sshd.CreateTunnel("tcploop"), monitor);
        var result = await Eventually.ProbeOkAsync(monitor.ProbeTarget!, "tcploop");

        Assert.True(result.IsOk);
        Assert.True(listener.ConnectionsAccepted >= 1);
    }

    [RequiresRootFact]
    public async Task LoopUnix_ServerBlackholed_ProbeTimesOutThenSshEndsWithTimeout()
    {
        await using var ns = await NetnsSshdFixture.StartAsync(new SshdOptions(ClientAliveInterval: 0));
        var remoteDir = Directory.CreateDirectory(Path.Combine(ns.Sshd.Directory, "remote")).FullName;
        var monitor = MonitorForwards.LoopUnix(Path.Combine(ns.Sshd.Directory, "mon"), remoteDir, "hole", 1, Guid.NewGuid().ToString("N")[..8]);
        await using var listener = LoopListener.Start(monitor.ListenerEndpoint!);
        var tunnel = ns.Sshd.CreateTunnel("hole", extraOptions: [new("ServerAliveInterval", "1"), new("ServerAliveCountMax", "2")]);
        await using var ssh = Start(tunnel, monitor);
        await Eventually.ProbeOkAsync(monitor.ProbeTarget!, "hole");

        var clock = Stopwatch.StartNew();
        ns.Blackhole();
        var probe = await EchoProbe.RunAsync(monitor.ProbeTarget!, ProbeNonce.Create("hole", 1, 100), TimeSpan.FromMilliseconds(500), TimeProvider.System);
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

        output.WriteLine($"blackhole to ssh exit (ServerAlive 1 s x 2): {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(ProbeOutcome.Timeout, probe.Outcome);
        Assert.Equal(FailureReason.Timeout, FailureClassifier.Classify(exit));
    }

    [RequiresRootFact]
    public async Task Echo_EchoServiceInNamespace_ProbeOkThenSilentServiceTimesOut()
    {
        await using var ns = await NetnsSshdFixture.StartAsync();
        await using var echo = ns.StartEchoServer();
        var monitor = MonitorForwards.Echo(LoopbackPorts.FindFree(), echo.Port);
        await using var ssh = Start(ns.Sshd.CreateTunnel("echo"), monitor);
        await Eventually.ProbeOkAsync(monitor.ProbeTarget!, "echo");

        echo.Mode = EchoMode.Silent;
        var silent = await EchoProbe.RunAsync(monitor.ProbeTarget!, ProbeNonce.Create("echo", 1, 5), TimeSpan.FromMilliseconds(300), TimeProvider.System);

        Assert.Equal(ProbeOutcome.Timeout, silent.Outcome);
        Assert.False(ssh.Exited.IsCompleted);
    }

    private static ISshProcess Start(TunnelActors.Core.Configuration.TunnelSettings tunnel, MonitorForwardSet monitor) =>
        new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest(tunnel.Name, 1, SshCommandBuilder.Build(tunnel, monitor)));
}
