using System.Net;
using TunnelActors.Cli.Doctor;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class ListenPortCheckTests(DoctorSandbox sandbox) : IClassFixture<DoctorSandbox>
{
    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("*", "0.0.0.0")]
    [InlineData("[::1]", "::1")]
    [InlineData("127.0.0.2", "127.0.0.2")]
    public void BindAddress_ForwardBindAddress_AddressSshBinds(string? bind, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), ListenPortCheck.BindAddress(bind));

    [SshdFact]
    public async Task Run_PortHeldByThisTunnelsSsh_OkAndReportedAsHeld()
    {
        var settings = ConfigurationBinder.Load(sandbox.WriteConfig()).GetSettingsOrThrow();
        var tunnel = settings.Tunnels.Single();
        var running = OneShotSsh.Start(tunnel with { Monitor = tunnel.Monitor with { Mode = MonitorMode.None } }, DoctorOptions.Default, TimeProvider.System);
        try
        {
            Assert.True(await running.WaitUpAsync(Timeouts.Event, TimeProvider.System, CancellationToken.None), string.Join('\n', running.Lines));

            var (step, held) = ListenPortCheck.Run(tunnel, settings.StateDir);

            Assert.Equal(Verdict.Ok, step.Verdict);
            Assert.Equal([tunnel.Local.Single()], held);
            Assert.Contains($"is held by this tunnel's running ssh, pid {running.Process.Pid}", step.Findings.Single(), StringComparison.Ordinal);
        }
        finally
        {
            await running.StopAsync(TimeSpan.FromSeconds(3));
        }
    }

    [SshdFact]
    public async Task Doctor_ForwardServedByRunningSsh_TestsThroughItAndExits0()
    {
        var config = sandbox.WriteConfig();
        var tunnel = ConfigurationBinder.Load(config).GetSettingsOrThrow().Tunnels.Single();
        var running = OneShotSsh.Start(tunnel with { Monitor = tunnel.Monitor with { Mode = MonitorMode.None } }, DoctorOptions.Default, TimeProvider.System);
        try
        {
            Assert.True(await running.WaitUpAsync(Timeouts.Event, TimeProvider.System, CancellationToken.None), string.Join('\n', running.Lines));

            var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config);

            Assert.True(code == 0, output);
            Assert.Contains("held by this tunnel's running ssh", output, StringComparison.Ordinal);
            Assert.Contains("stayed open", output, StringComparison.Ordinal);
        }
        finally
        {
            await running.StopAsync(TimeSpan.FromSeconds(3));
        }
    }

    [SshdFact]
    public async Task Run_RemoteForwardServedByThisTunnelsSsh_ReportedAsHeld()
    {
        var remote = $"{LoopbackPorts.FindFree()}:127.0.0.1:{sandbox.TargetPort}";
        var settings = ConfigurationBinder.Load(sandbox.WriteConfig(remote: $"\"{remote}\"")).GetSettingsOrThrow();
        var tunnel = settings.Tunnels.Single();
        var running = OneShotSsh.Start(tunnel with { Local = [], Monitor = tunnel.Monitor with { Mode = MonitorMode.None } }, DoctorOptions.Default, TimeProvider.System);
        try
        {
            Assert.True(await running.WaitUpAsync(Timeouts.Event, TimeProvider.System, CancellationToken.None), string.Join('\n', running.Lines));

            var (step, held) = ListenPortCheck.Run(tunnel with { Local = [] }, settings.StateDir);

            Assert.Equal([tunnel.Remote.Single()], held);
            Assert.Contains($"-R {remote} is served by this tunnel's running ssh, pid {running.Process.Pid}", step.Findings.Last(), StringComparison.Ordinal);
        }
        finally
        {
            await running.StopAsync(TimeSpan.FromSeconds(3));
        }
    }

    [Fact]
    public void Run_FreePort_Ok()
    {
        var port = LoopbackPorts.FindFree();
        var tunnel = ConfigurationBinder.LoadText($$"""tunnelactors.tunnels.t { host = "h", local = ["127.0.0.1:{{port}}:127.0.0.1:80"] }""")
            .GetSettingsOrThrow().Tunnels.Single();

        var (step, held) = ListenPortCheck.Run(tunnel, Path.GetTempPath());

        Assert.Equal(Verdict.Ok, step.Verdict);
        Assert.Empty(held);
        Assert.Equal($"127.0.0.1:{port} is free (127.0.0.1:{port}:127.0.0.1:80)", step.Findings.Single());
    }
}
