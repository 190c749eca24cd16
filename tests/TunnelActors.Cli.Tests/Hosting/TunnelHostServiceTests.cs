using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Hosting;

[Collection(DaemonCollection.Name)]
public sealed class TunnelHostServiceTests
{
    [Fact]
    public async Task Lifecycle_StartReloadStop_NotifiesReadyReloadingReadyStoppingInOrder()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        using var http = daemon.Http();
        daemon.WriteConfig("alpha");
        (await http.PostAsync("v1/reload", null)).EnsureSuccessStatusCode();

        await Signals.SendToSelfAsync("TERM");
        await daemon.Exit.WaitAsync(Timeouts.Event);
        await daemon.Notify.WaitForAsync("STOPPING=1");

        var lifecycle = daemon.Notify.Received.Where(m => !m.StartsWith("STATUS=", StringComparison.Ordinal)).Select(m => m.Split('\n')[0]);
        Assert.Equal(["READY=1", "RELOADING=1", "READY=1", "STOPPING=1"], lifecycle);
        Assert.Equal("READY=1", daemon.Notify.Received[0]);
        Assert.Matches(@"^RELOADING=1\nMONOTONIC_USEC=\d+$", daemon.Notify.Received.Single(m => m.StartsWith("RELOADING", StringComparison.Ordinal)));
        Assert.Contains("STATUS=2/2 tunnels up", daemon.Notify.Received);
    }

    [Fact]
    public async Task Start_Running_StartsTheSupervisorWithTheLoadedSettings()
    {
        await using var daemon = await TestDaemon.StartAsync(["beta", "alpha"]);

        Assert.Equal(["alpha", "beta"], daemon.Factory.StartedWith!.Tunnels.Select(t => t.Name));
        Assert.Equal(daemon.StateDir, daemon.Factory.StartedWith.StateDir);
    }
}
