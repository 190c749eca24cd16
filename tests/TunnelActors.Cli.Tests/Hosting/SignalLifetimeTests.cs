using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Hosting;

[Collection(DaemonCollection.Name)]
public sealed class SignalLifetimeTests
{
    [Fact]
    public async Task Sighup_InvalidConfiguration_KeepsTheRunningSetAndReportsTheErrors()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        daemon.WriteConfig("alpha", "!duplicate tunnel 'alpha'");

        await Signals.SendToSelfAsync("HUP");
        var logged = await daemon.Logs.WaitForAsync(LogLevel.Error, "duplicate tunnel 'alpha'");
        var status = await daemon.Notify.WaitForAsync("STATUS=reload rejected");

        Assert.Contains($"{daemon.ConfigPath}:2:1:", logged, StringComparison.Ordinal);
        Assert.Contains("duplicate tunnel 'alpha'", status, StringComparison.Ordinal);
        Assert.Empty(daemon.Controller.AppliedSettings);
        Assert.False(daemon.Factory.Stopped.IsCompleted);
        using var http = daemon.Http();
        var tunnels = JsonDocument.Parse(await http.GetStringAsync("v1/tunnels")).RootElement;
        Assert.Equal(["alpha", "beta"], tunnels.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Sighup_ValidConfiguration_AppliesTheNewSettings()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        daemon.WriteConfig("alpha", "gamma");

        await Signals.SendToSelfAsync("HUP");
        var applied = await daemon.Controller.Applied.WaitAsync(Timeouts.Event);
        var logged = await daemon.Logs.WaitForAsync(LogLevel.Information, "Reload applied");

        Assert.Equal(["alpha", "gamma"], applied.Tunnels.Select(t => t.Name));
        Assert.Equal("alpha,gamma", applied.Digest);
        Assert.Contains("added [gamma], removed [beta], changed [], 1 unchanged", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigusr1_Running_ProbesEveryTunnel()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        await Signals.SendToSelfAsync("USR1");

        await daemon.Controller.Probed.WaitAsync(Timeouts.Event);
        Assert.False(daemon.Exit.IsCompleted);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task StopSignal_Running_StopsTheSupervisorAndExitsZero(string signal)
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        await Signals.SendToSelfAsync(signal);
        var exitCode = await daemon.Exit.WaitAsync(Timeouts.Event);

        Assert.Equal(0, exitCode);
        Assert.True(daemon.Factory.Stopped.IsCompleted);
        Assert.False(File.Exists(daemon.SocketPath));
        await daemon.Notify.WaitForAsync("STOPPING=1");
    }

    [Fact]
    public async Task Sigterm_SupervisorIgnoresTheStopDeadline_StillExitsZeroAfterTheShutdownTimeout()
    {
        var never = new TaskCompletionSource();
        var options = new TunnelActors.Cli.Hosting.DaemonOptions(TimeSpan.FromHours(1), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
        await using var daemon = await TestDaemon.StartAsync(["alpha"], options: options, arrange: factory => factory.StopHang = never.Task);

        await Signals.SendToSelfAsync("TERM");
        var exitCode = await daemon.Exit.WaitAsync(Timeouts.Event);

        Assert.Equal(0, exitCode);
        await daemon.Logs.WaitForAsync(LogLevel.Error, "Stopping the supervisor failed or timed out");
    }

    [Fact]
    public async Task Sigterm_AfterStop_ControlApiIsGone()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/tunnels")).StatusCode);

        await Signals.SendToSelfAsync("TERM");
        await daemon.Exit.WaitAsync(Timeouts.Event);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("v1/tunnels"));
    }
}
