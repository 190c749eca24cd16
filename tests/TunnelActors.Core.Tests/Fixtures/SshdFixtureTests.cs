using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Fixtures;

public sealed class SshdFixtureTests
{
    [RequiresSshdFact]
    public async Task StartAsync_RealSshClient_RunsRemoteCommandWithStrictHostKeyChecking()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var args = sshd.ClientOptions.SelectMany(o => new[] { "-o", $"{o.Key}={o.Value}" })
            .Concat(["-o", "BatchMode=yes", "-i", sshd.ClientKeyPath, "-p", sshd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", sshd.User, "127.0.0.1", "echo", "fixture-ok"]);

        var result = ProcessRunner.Run("ssh", [.. args]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("fixture-ok", result.StandardOutput.Trim());
    }

    [RequiresSshdFact]
    public async Task RestartAsync_SamePortAndKeys_AcceptsAgain()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var port = sshd.Port;
        var firstPid = sshd.ListenerPid;

        await sshd.RestartAsync();

        Assert.Equal(port, sshd.Port);
        Assert.NotEqual(firstPid, sshd.ListenerPid);
        await Eventually.ListeningAsync(new TunnelActors.Core.Monitoring.ProbeEndpoint.Tcp(port));
    }

    [RequiresRootFact]
    public async Task NetnsSshdFixture_EchoServerInside_ReachableThroughTunnel()
    {
        await using var ns = await NetnsSshdFixture.StartAsync();
        await using var echo = ns.StartEchoServer();
        var localPort = LoopbackPorts.FindFree();
        var tunnel = ns.Sshd.CreateTunnel("ns", extraOptions: [new("LocalForward", $"127.0.0.1:{localPort} 127.0.0.1:{echo.Port}")]);
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("ns", 1, SshCommandBuilder.Build(tunnel)));

        var probe = await Eventually.ProbeOkAsync(new TunnelActors.Core.Monitoring.ProbeEndpoint.Tcp(localPort));

        Assert.True(probe.IsOk);
        Assert.Equal(1, echo.Connections);
        Assert.StartsWith("ta-test-", ns.Namespace, StringComparison.Ordinal);
    }
}
