using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Tunnels;

/// <summary>The controller over a real <see cref="TunnelSupervisor"/> with fake ssh processes on virtual time.</summary>
public sealed class ActorTunnelControllerTests(ITestOutputHelper output) : TunnelTestKit(output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1200);

    [Fact]
    public async Task GetStatusesAsync_TwoTunnels_BothUpOrderedByName()
    {
        var controller = Start(TunnelTestSettings.Tunnel("b", localPort: 10002), TunnelTestSettings.Tunnel("a"));
        await Ssh.NextStartAsync();
        await Ssh.NextStartAsync();

        await AdvanceAsync(Settle);
        var statuses = await controller.GetStatusesAsync(Ct);

        Assert.Equal(["a", "b"], statuses.Select(s => s.Name));
        Assert.All(statuses, s => Assert.Equal(TunnelState.Up, s.State));
    }

    [Fact]
    public async Task GetStatusAsync_UnknownName_Null()
    {
        var controller = Start(TunnelTestSettings.Tunnel("a"));

        Assert.Null(await controller.GetStatusAsync("nope", Ct));
        Assert.NotNull(await controller.GetStatusAsync("a", Ct));
    }

    [Fact]
    public async Task Commands_UnknownName_False()
    {
        var controller = Start(TunnelTestSettings.Tunnel("a"));

        Assert.False(await controller.StopAsync("nope", Ct));
        Assert.False(await controller.StartAsync("nope", Ct));
        Assert.False(await controller.RestartAsync("nope", Ct));
    }

    [Fact]
    public async Task StopAsync_Running_SshEndedAndStatusStoppedWhenItReturns()
    {
        var controller = Start(TunnelTestSettings.Tunnel("a"));
        var ssh = await Ssh.NextStartAsync();

        Assert.True(await controller.StopAsync("a", Ct));
        var status = await controller.GetStatusAsync("a", Ct);

        Assert.True(ssh.HasExited);
        Assert.Equal(TunnelState.Stopped, status!.State);
        Assert.Null(status.Pid);
    }

    [Fact]
    public async Task RestartAsync_Up_NewIncarnationAtOnce()
    {
        var controller = Start(TunnelTestSettings.Tunnel("a"));
        var first = await Ssh.NextStartAsync();
        await AdvanceAsync(Settle);

        Assert.True(await controller.RestartAsync("a", Ct));
        var second = await Ssh.NextStartAsync();

        Assert.True(first.HasExited);
        Assert.Equal(2, second.Incarnation);
    }

    [Fact]
    public async Task ApplyAsync_Reload_UnchangedKeptChangedRestartedRemovedStoppedAddedStarted()
    {
        var keep = TunnelTestSettings.Tunnel("keep", localPort: 10001);
        var change = TunnelTestSettings.Tunnel("change", localPort: 10002);
        var remove = TunnelTestSettings.Tunnel("remove", localPort: 10003);
        var controller = Start(keep, change, remove);
        var started = new[] { await Ssh.NextStartAsync(), await Ssh.NextStartAsync(), await Ssh.NextStartAsync() }.ToDictionary(p => p.TunnelName);
        await AdvanceAsync(Settle);
        var changed = TunnelTestSettings.Tunnel("change", localPort: 10012);
        var added = TunnelTestSettings.Tunnel("added", localPort: 10004);

        var diff = await controller.ApplyAsync(TunnelTestSettings.Root([keep with { }, changed, added]), Ct);
        var next = new[] { await Ssh.NextStartAsync(), await Ssh.NextStartAsync() }.ToDictionary(p => p.TunnelName);
        await AdvanceAsync(Settle);
        var statuses = await controller.GetStatusesAsync(Ct);

        Assert.Equal(["added"], diff.Added.Select(t => t.Name));
        Assert.Equal(["change"], diff.Changed.Select(t => t.Name));
        Assert.Equal(["remove"], diff.Removed.ToArray());
        Assert.Equal(["keep"], diff.Unchanged.ToArray());
        Assert.False(started["keep"].HasExited);
        Assert.Equal(0, started["keep"].StopCalls);
        Assert.True(started["change"].HasExited);
        Assert.True(started["remove"].HasExited);
        Assert.Contains("10012:127.0.0.1:80", next["change"].Request.Command.Arguments);
        Assert.Equal(["added", "change", "keep"], statuses.Select(s => s.Name));
        Assert.All(statuses, s => Assert.Equal(TunnelState.Up, s.State));
        Assert.Single(Sink.OfType<TunnelLifecycleEvent.SshStarted>(), e => e.Tunnel == "keep");
        Assert.Equal(StoppedBy.Reload, Sink.OfType<TunnelLifecycleEvent.Stopped>().Single().By);
    }

    [Fact]
    public async Task ProbeAllAsync_EchoTunnel_ProbesNow()
    {
        var controller = Start(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();
        await AdvanceAsync(TimeSpan.FromMilliseconds(200));
        (await Prober.NextAsync()).Ok();

        await controller.ProbeAllAsync(Ct);

        Assert.Equal(2, (await Prober.NextAsync()).Nonce.Sequence);
    }

    [Fact]
    public async Task StopAllAsync_ThreeTunnels_EverySshEnded()
    {
        var controller = Start(TunnelTestSettings.Tunnel("a"), TunnelTestSettings.Tunnel("b", localPort: 2), TunnelTestSettings.Tunnel("c", localPort: 3));
        for (var i = 0; i < 3; i++)
        {
            await Ssh.NextStartAsync();
        }

        await controller.StopAllAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(Ssh.All, p => Assert.True(p.HasExited));
        Assert.All(await controller.GetStatusesAsync(Ct), s => Assert.Equal(TunnelState.Stopped, s.State));
    }

    [Fact]
    public async Task HandshakeCap_OneSlot_SecondTunnelStartsOnlyAfterFirstIsUp()
    {
        var controller = Start(1, TunnelTestSettings.Tunnel("a"), TunnelTestSettings.Tunnel("b", localPort: 2));
        var first = await Ssh.NextStartAsync();
        await AwaitIdleAsync();

        Assert.True(Ssh.NoPendingStart);
        Assert.Contains(await controller.GetStatusesAsync(Ct), s => s.State == TunnelState.Starting);
        await AdvanceAsync(Settle);
        var second = await Ssh.NextStartAsync();

        Assert.NotEqual(first.TunnelName, second.TunnelName);
    }

    [Fact]
    public async Task TunnelActorThrows_Bug_GuardStartsNewActorAfterMinBackoff()
    {
        Ssh.ThrowOnNextStart = true;
        var controller = Start(TunnelTestSettings.Tunnel("a"));
        await AwaitIdleAsync();
        Assert.Empty(Ssh.All);

        await AdvanceAsync(TimeSpan.FromMilliseconds(999));
        Assert.True(Ssh.NoPendingStart);
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        var ssh = await Ssh.NextStartAsync();

        Assert.Equal(2, ssh.Incarnation);
        Assert.Equal(TunnelState.Connecting, (await controller.GetStatusAsync("a", Ct))!.State);
    }

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    private ActorTunnelController Start(params TunnelSettings[] tunnels) => Start(10, tunnels);

    private ActorTunnelController Start(int maxHandshakes, params TunnelSettings[] tunnels) =>
        ActorTunnelController.Start(Sys, TunnelTestSettings.Root(tunnels, maxHandshakes), Services);
}
