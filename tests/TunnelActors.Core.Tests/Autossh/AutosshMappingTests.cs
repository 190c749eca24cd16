using TunnelActors.Core.Autossh;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Tests of <see cref="AutosshMapping"/>: invocation + environment → TunnelSettings + drop-in settings.</summary>
public sealed class AutosshMappingTests
{
    private static AutosshSettings Map(string[] args, params string[] env)
    {
        var environment = AutosshEnvironment.Read(env.Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]));
        var invocation = AutosshCommandLine.Parse(args, environment);
        return AutosshMapping.Map(invocation, environment);
    }

    [Theory]
    [InlineData(new[] { "-M", "24000", "-N", "host" }, MonitorMode.Loop, 24000, 7)]   // E4
    [InlineData(new[] { "-M", "24100:22407", "-N", "host" }, MonitorMode.Echo, 24100, 22407)] // E1
    [InlineData(new[] { "-M", "0", "-N", "host" }, MonitorMode.None, null, 7)]       // A3
    [InlineData(new[] { "-N", "host" }, MonitorMode.Loop, null, 7)]                  // automatic port
    public void Map_MonitorPort_ChoosesModeOverTcp(string[] args, MonitorMode mode, int? port, int echoPort)
    {
        var monitor = Map(args).Tunnel.Monitor;

        Assert.Equal(mode, monitor.Mode);
        Assert.Equal(LoopTransport.Tcp, monitor.Transport);
        Assert.Equal(port, monitor.Port);
        Assert.Equal(echoPort, monitor.EchoPort);
    }

    [Fact]
    public void Map_Defaults_FollowAutossh()
    {
        var settings = Map(["-M", "20000", "-N", "host"]);
        var tunnel = settings.Tunnel;

        Assert.Equal(TimeSpan.FromSeconds(600), tunnel.Monitor.Interval);
        Assert.Equal(TimeSpan.FromSeconds(600), tunnel.Monitor.FirstProbeDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), tunnel.Monitor.Timeout);
        Assert.Equal(0, tunnel.Monitor.ConfirmRetries);
        Assert.Equal(new LimitsSettings(TimeSpan.FromSeconds(30), null, null, false), tunnel.Limits);
        Assert.Equal("/usr/bin/ssh", tunnel.SshPath);
        Assert.Equal(TimeSpan.FromSeconds(60), tunnel.Backoff.StableAfter);
        Assert.Equal(TimeSpan.FromSeconds(600), tunnel.Backoff.Max);
        Assert.Equal(6, settings.LogLevel);
        Assert.False(settings.Background);
    }

    [Fact]
    public void Map_EnvironmentValues_ReachTheTunnel()
    {
        // E1's environment plus limits.
        var settings = Map(["-M", "24100:22407", "-N", "lo"],
            "AUTOSSH_POLL=6", "AUTOSSH_FIRST_POLL=2", "AUTOSSH_MESSAGE=hello-msg", "AUTOSSH_GATETIME=2",
            "AUTOSSH_MAXSTART=9", "AUTOSSH_MAXLIFETIME=100", "AUTOSSH_PATH=/opt/ssh", "AUTOSSH_PIDFILE=x.pid",
            "AUTOSSH_LOGFILE=/tmp/l", "AUTOSSH_DEBUG=1");
        var tunnel = settings.Tunnel;

        Assert.Equal(TimeSpan.FromSeconds(6), tunnel.Monitor.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), tunnel.Monitor.FirstProbeDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(3000), tunnel.Monitor.Timeout);
        Assert.Equal(new LimitsSettings(TimeSpan.FromSeconds(2), 9, TimeSpan.FromSeconds(100), false), tunnel.Limits);
        Assert.Equal("/opt/ssh", tunnel.SshPath);
        Assert.Equal("hello-msg", settings.ProbeMessage);
        Assert.Equal("x.pid", settings.PidFile);
        Assert.Equal("/tmp/l", settings.LogFile);
        Assert.True(settings.Debug);
        Assert.Equal(7, settings.LogLevel);
        Assert.Equal(6, settings.PollSeconds);
    }

    [Fact]
    public void Map_Background_ForcesGateToZero()
    {
        // §2: -f sets gate_time = 0 whatever AUTOSSH_GATETIME says.
        var settings = Map(["-fN", "-M", "0", "host"], "AUTOSSH_GATETIME=30");

        Assert.True(settings.Background);
        Assert.Equal(TimeSpan.Zero, settings.Tunnel.Limits.GateTime);
    }

    [Fact]
    public void Map_SshArgs_SplitIntoOptionsDestinationAndCommand()
    {
        var settings = Map(["-M", "0", "-L", "8080:localhost:80", "-o", "ExitOnForwardFailure=yes", "user@host", "tail", "-f", "x"]);

        Assert.Equal(["-L", "8080:localhost:80", "-o", "ExitOnForwardFailure=yes"], settings.Tunnel.SshArgs.ToArray());
        Assert.Equal("user@host", settings.Tunnel.Destination.Host);
        Assert.Equal(["tail", "-f", "x"], settings.Tunnel.RemoteCommand.ToArray());
        Assert.Empty(settings.Tunnel.Local);
        Assert.Empty(settings.Tunnel.SshOptions);
    }

    [Fact]
    public void Map_RemoteCommand_BuiltSshRunsItAfterTheDestinationInsteadOfDashN()
    {
        var settings = Map(["-M", "0", "host", "-p", "2222", "echo", "", "end"]);

        var args = Core.Ssh.SshCommandBuilder.Build(settings.Tunnel).Arguments;

        Assert.DoesNotContain("-N", args);
        Assert.Equal(["-p", "2222"], settings.Tunnel.SshArgs.ToArray());
        Assert.Equal(["--", "host", "echo", "", "end"], args.TakeLast(5));
    }

    [Fact]
    public void Map_NoRemoteCommand_TunnelRunsDashN()
    {
        var settings = Map(["-M", "0", "host"]);

        Assert.Empty(settings.Tunnel.RemoteCommand);
        Assert.Equal("-N", Core.Ssh.SshCommandBuilder.Build(settings.Tunnel).Arguments[0]);
    }

    [Fact]
    public void Map_UnlimitedAndHugeValues_BecomeNull()
    {
        var settings = Map(["-M", "0", "host"], "AUTOSSH_MAXLIFETIME=-1", "AUTOSSH_GATETIME=99999999999999999999", "AUTOSSH_MAXSTART=-1");

        Assert.Null(settings.Tunnel.Limits.MaxLifetime);
        Assert.Null(settings.Tunnel.Limits.MaxStarts);
        Assert.Equal(TimeSpan.MaxValue, settings.Tunnel.Limits.GateTime);
        Assert.Single(settings.Warnings);
    }

    [Fact]
    public void Map_FailedInvocation_Throws()
    {
        var invocation = AutosshCommandLine.Parse(["-V"], AutosshEnvironment.Default);

        Assert.Throws<ArgumentException>(() => AutosshMapping.Map(invocation, AutosshEnvironment.Default));
    }
}
