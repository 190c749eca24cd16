using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Tunnels;

/// <summary>The monitor, driven through its tunnel actor (its parent) with a fake prober on virtual time.</summary>
public sealed class MonitorActorTests(ITestOutputHelper output) : TunnelTestKit(output)
{
    private static readonly TimeSpan FirstProbe = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Confirm = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task FirstProbe_AfterFirstProbeDelay_AnswerMakesTunnelUp()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();

        await AdvanceAsync(FirstProbe - TimeSpan.FromMilliseconds(1));
        Assert.True(Prober.NoPendingProbe);
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        var probe = await Prober.NextAsync();
        probe.Ok(rttMs: 7);
        var status = await WaitForStateAsync(tunnel, "a", TunnelState.Up);

        Assert.Equal(TimeSpan.FromMilliseconds(7), status.LastProbeRtt);
        Assert.Equal(new ProbeEndpoint.Tcp(45999), probe.Target);
        Assert.Equal(["SshStarted", "TunnelUp"], Sink.Kinds("a"));
    }

    [Fact]
    public async Task Probes_EachNonce_CarriesTunnelIncarnationAndNextSequence()
    {
        StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);

        var first = await Prober.NextAsync();
        first.Ok();
        await AdvanceAsync(Interval);
        var second = await Prober.NextAsync();

        Assert.Equal(("a", 1L, 1L), (first.Nonce.TunnelName, first.Nonce.Incarnation, first.Nonce.Sequence));
        Assert.Equal(2, second.Nonce.Sequence);
        Assert.NotEqual(first.Nonce.RandomHex, second.Nonce.RandomHex);
    }

    [Fact]
    public async Task FailuresBeforeFirstAnswer_NotConnectedYet_RetriedWithoutDegrading()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);

        for (var i = 0; i < 5; i++)
        {
            (await Prober.NextAsync()).Fail(ProbeOutcome.Refused);
            await AdvanceAsync(Confirm);
        }

        (await Prober.NextAsync()).Ok();
        await WaitForStateAsync(tunnel, "a", TunnelState.Up);
        Assert.Empty(Sink.OfType<TunnelLifecycleEvent.ProbeFailed>());
    }

    [Fact]
    public async Task FailedProbe_ConfirmedByRetry_SshKilledAndRestartedAtOnce()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        var ssh = await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);
        (await Prober.NextAsync()).Ok();
        await AdvanceAsync(Interval);

        (await Prober.NextAsync()).Fail();
        var degraded = await WaitForStateAsync(tunnel, "a", TunnelState.Degraded);
        await AdvanceAsync(Confirm);
        (await Prober.NextAsync()).Fail();
        var next = await Ssh.NextStartAsync();

        Assert.Equal(1, ssh.StopCalls);
        Assert.Equal(2, next.Incarnation);
        Assert.Equal(nameof(FailureReason.ProbeTimeout), degraded.LastFailureClass);
        Assert.Equal(FailureReason.ProbeTimeout, Sink.OfType<TunnelLifecycleEvent.SshExited>().Single().Reason);
        Assert.Equal(
            ["SshStarted", "TunnelUp", "ProbeFailed", "ProbeFailed", "SshExited", "RestartScheduled", "SshStarted"],
            Sink.Kinds("a"));
    }

    [Fact]
    public async Task FailedProbe_RetrySucceeds_BackToUpWithoutRestart()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);
        (await Prober.NextAsync()).Ok();
        await AdvanceAsync(Interval);

        (await Prober.NextAsync()).Fail();
        await WaitForStateAsync(tunnel, "a", TunnelState.Degraded);
        await AdvanceAsync(Confirm);
        (await Prober.NextAsync()).Ok();

        await WaitForStateAsync(tunnel, "a", TunnelState.Up);
        Assert.Single(Ssh.All);
    }

    [Fact]
    public async Task Timeout_AfterFastAnswers_AdaptsToMinThenDoubles()
    {
        StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);

        var first = await Prober.NextAsync();
        first.Ok(rttMs: 2);
        await AdvanceAsync(Interval);
        var second = await Prober.NextAsync();
        second.Fail();
        await AdvanceAsync(Confirm);
        var third = await Prober.NextAsync();

        Assert.Equal(TimeSpan.FromSeconds(1), first.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(200), second.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(400), third.Timeout);
    }

    [Fact]
    public async Task NeverAnswers_HandshakeTimeout_SshKilledAsTimeout()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo), handshakeTimeout: TimeSpan.FromSeconds(3));
        var ssh = await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);
        var unanswered = await Prober.NextAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(3) - FirstProbe);
        var next = await Ssh.NextStartAsync();

        Assert.Equal(1, ssh.StopCalls);
        Assert.Equal(2, next.Incarnation);
        Assert.Equal(FailureReason.Timeout, Sink.OfType<TunnelLifecycleEvent.SshExited>().Single().Reason);
        Assert.False(unanswered.Result.Task.IsCompleted);
    }

    [Fact]
    public async Task ProbeNow_WhileWaitingForInterval_ProbesAtOnce()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));
        await Ssh.NextStartAsync();
        await AdvanceAsync(FirstProbe);
        (await Prober.NextAsync()).Ok();
        await WaitForStateAsync(tunnel, "a", TunnelState.Up);

        tunnel.Tell(ProbeNow.Instance, TestActor);
        var probe = await Prober.NextAsync();

        Assert.Equal(2, probe.Nonce.Sequence);
    }
}
