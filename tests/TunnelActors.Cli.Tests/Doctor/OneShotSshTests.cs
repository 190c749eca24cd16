using TunnelActors.Cli.Doctor;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class OneShotSshTests(DoctorSandbox sandbox) : IClassFixture<DoctorSandbox>
{
    [SshdFact]
    public async Task StartWaitStop_HealthyLoopTunnel_UpThenStoppedAndCleanedUp()
    {
        var tunnel = ConfigurationBinder.Load(sandbox.WriteConfig()).GetSettingsOrThrow().Tunnels.Single();
        var ssh = OneShotSsh.Start(tunnel, DoctorOptions.Default, TimeProvider.System);
        var probe = ssh.Monitor.ProbeTarget!.ToString();

        var up = await ssh.WaitUpAsync(Timeouts.Event, TimeProvider.System, CancellationToken.None);
        var exit = await ssh.StopAsync(TimeSpan.FromSeconds(3));

        Assert.True(up, string.Join('\n', ssh.Lines));
        Assert.Contains("-v", ssh.Command.Arguments);
        Assert.Contains("BatchMode=yes", ssh.Command.Arguments);
        Assert.True(exit.StopRequested);
        Assert.False(Directory.Exists(Path.GetDirectoryName(probe)));
    }

    [SshdFact]
    public async Task WaitUpAsync_SshEndsFirst_FalseWithSshsMessages()
    {
        var tunnel = ConfigurationBinder.Load(sandbox.WriteConfig(sshPort: Core.Monitoring.LoopbackPorts.FindFree())).GetSettingsOrThrow().Tunnels.Single();
        await using var ssh = OneShotSsh.Start(tunnel, DoctorOptions.Default, TimeProvider.System);

        var up = await ssh.WaitUpAsync(Timeouts.Event, TimeProvider.System, CancellationToken.None);

        Assert.False(up);
        Assert.True(ssh.Process.Exited.IsCompleted);
        Assert.Contains(ssh.Messages, l => l.Contains("Connection refused", StringComparison.Ordinal));
        Assert.DoesNotContain(ssh.Messages, l => l.StartsWith("debug", StringComparison.Ordinal));
    }
}
