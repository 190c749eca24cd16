using TunnelActors.Core.Configuration;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Tunnels;

public sealed class TunnelActorTests(ITestOutputHelper output) : TunnelTestKit(output)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1200); // first-probe delay + timeout of TestSettings.Monitor

    [Fact]
    public async Task Start_MonitorNone_ConnectingThenUpAfterSettle()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var ssh = await Ssh.NextStartAsync();

        var connecting = await StatusAsync(tunnel, "a");
        await AdvanceAsync(Settle);
        var up = await StatusAsync(tunnel, "a");

        Assert.Equal(TunnelState.Connecting, connecting.State);
        Assert.Equal(ssh.Pid, connecting.Pid);
        Assert.Equal(TunnelState.Up, up.State);
        Assert.Equal(1, up.Incarnation);
        Assert.Equal(["SshStarted", "TunnelUp"], Sink.Kinds("a"));
    }

    [Fact]
    public async Task StartSsh_Command_BuiltWithForwardsAndDefaults()
    {
        StartTunnelActor(TunnelTestSettings.Tunnel("a", MonitorMode.Echo));

        var ssh = await Ssh.NextStartAsync();

        var args = ssh.Request.Command.Arguments;
        Assert.Equal("-N", args[0]);
        Assert.Contains("10001:127.0.0.1:80", args);
        Assert.Contains("45999:127.0.0.1:7", args);
        Assert.Contains("ExitOnForwardFailure=yes", args);
        Assert.Equal("tunnel-test.invalid", args[^1]);
        Assert.Equal(1, ssh.Incarnation);
    }

    [Fact]
    public async Task SshExit255_AfterHealthyRun_RestartedAtOnce()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var first = await Ssh.NextStartAsync();
        await AdvanceAsync(Settle);

        first.Exit(255, null, "Connection to 127.0.0.1 closed by remote host.");
        var second = await Ssh.NextStartAsync();

        var status = await StatusAsync(tunnel, "a");
        Assert.Equal(2, second.Incarnation);
        Assert.Equal(TunnelState.Connecting, status.State);
        Assert.Equal(1, status.Restarts);
        Assert.Equal(nameof(FailureReason.ClosedByRemote), status.LastFailureClass);
        Assert.Equal(TimeSpan.Zero, Sink.OfType<TunnelLifecycleEvent.RestartScheduled>().Single().Delay);
    }

    [Fact]
    public async Task FastFailures_Repeated_BackoffDoublesUpToMax()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var expected = new[] { 0, 1, 2, 4, 8, 8 }.Select(s => TimeSpan.FromSeconds(s)).ToArray();

        foreach (var delay in expected)
        {
            var ssh = await Ssh.NextStartAsync();
            ssh.Exit(255);
            await AwaitIdleAsync();
            if (delay > TimeSpan.Zero)
            {
                Assert.Equal(TunnelState.BackingOff, (await StatusAsync(tunnel, "a")).State);
                await AdvanceAsync(delay - TimeSpan.FromMilliseconds(1));
                Assert.True(Ssh.NoPendingStart, $"started before the {delay} backoff was over");
                await AdvanceAsync(TimeSpan.FromMilliseconds(1));
            }
        }

        await Ssh.NextStartAsync();
        Assert.Equal(expected, Sink.OfType<TunnelLifecycleEvent.RestartScheduled>().Select(e => e.Delay));
    }

    [Fact]
    public async Task AuthFailure_PermanentCause_FailedStateAtMaxBackoff()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var ssh = await Ssh.NextStartAsync();

        ssh.Exit(255, null, "user@tunnel-test.invalid: Permission denied (publickey).");
        var status = await WaitForStateAsync(tunnel, "a", TunnelState.Failed);

        Assert.Equal(nameof(FailureReason.AuthFailed), status.LastFailureClass);
        Assert.Contains("Permission denied", status.LastFailure);
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(8), status.NextStartAt);
        await AdvanceAsync(TimeSpan.FromSeconds(7.9));
        Assert.True(Ssh.NoPendingStart);
        await AdvanceAsync(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, (await Ssh.NextStartAsync()).Incarnation);
    }

    [Fact]
    public async Task GateTime_FirstRunEndsWithinGate_GivesUpFailed()
    {
        var settings = TunnelTestSettings.Tunnel("a", limits: TestSettings.Limits(gateTime: TimeSpan.FromSeconds(5)));
        var (tunnel, _) = StartTunnelActor(settings);
        var ssh = await Ssh.NextStartAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));

        ssh.Exit(255);
        var status = await WaitForStateAsync(tunnel, "a", TunnelState.Failed);

        Assert.Equal(GiveUpReason.StartupFailure, Sink.OfType<TunnelLifecycleEvent.GaveUp>().Single().Reason);
        Assert.Null(status.NextStartAt);
        await AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.True(Ssh.NoPendingStart);
    }

    [Fact]
    public async Task MaxStarts_Reached_GivesUpAfterThatManyStarts()
    {
        var settings = TunnelTestSettings.Tunnel("a", limits: TestSettings.Limits(maxStarts: 2));
        var (tunnel, _) = StartTunnelActor(settings);

        (await Ssh.NextStartAsync()).Exit(255);
        (await Ssh.NextStartAsync()).Exit(255);
        await WaitForStateAsync(tunnel, "a", TunnelState.Failed);

        await AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(2, Ssh.All.Count);
        Assert.Equal(GiveUpReason.MaxStartsReached, Sink.OfType<TunnelLifecycleEvent.GaveUp>().Single().Reason);
    }

    [Theory]
    [InlineData(false, TunnelState.Stopped, 1)]
    [InlineData(true, TunnelState.Connecting, 2)]
    public async Task CleanExit_RestartOnCleanExitSetting_DecidesRestart(bool restartOnCleanExit, TunnelState expected, int starts)
    {
        var settings = TunnelTestSettings.Tunnel("a", limits: TestSettings.Limits(restartOnCleanExit: restartOnCleanExit));
        var (tunnel, _) = StartTunnelActor(settings);
        var ssh = await Ssh.NextStartAsync();
        await AdvanceAsync(Settle);

        ssh.Exit(0);
        var status = await WaitForStateAsync(tunnel, "a", expected);

        await AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(starts, Ssh.All.Count);
        Assert.Equal(nameof(FailureReason.CleanExit), status.LastFailureClass);
    }

    [Fact]
    public async Task RemoteForwardRefused_Backoff_WaitsClientAliveWindow()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var ssh = await Ssh.NextStartAsync();

        ssh.Exit(255, null, "Error: remote port forwarding failed for listen port 20000");
        var status = await WaitForStateAsync(tunnel, "a", TunnelState.BackingOff);

        Assert.Equal(nameof(FailureReason.RemoteForwardRefused), status.LastFailureClass);
        Assert.Equal(TimeSpan.FromSeconds(45), Sink.OfType<TunnelLifecycleEvent.RestartScheduled>().Single().Delay);
    }

    [Fact]
    public async Task RestartCommand_WhileBackingOff_StartsNowAndOldTimerIsStale()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        (await Ssh.NextStartAsync()).Exit(255);
        (await Ssh.NextStartAsync()).Exit(255);
        await WaitForStateAsync(tunnel, "a", TunnelState.BackingOff);

        var done = await tunnel.Ask<TunnelCommandDone>(new RestartTunnel("a")).WaitAsync(TimeSpan.FromSeconds(10));
        var third = await Ssh.NextStartAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(TunnelState.Starting, done.State);
        Assert.Equal(3, third.Incarnation);
        Assert.Equal(3, Ssh.All.Count);
    }

    [Fact]
    public async Task StopCommand_SshIgnoresTerm_RepliesAfterGraceAndKill()
    {
        Ssh.IgnoreTerm = true;
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var ssh = await Ssh.NextStartAsync();
        await AdvanceAsync(Settle);

        var reply = tunnel.Ask<TunnelCommandDone>(new StopTunnel("a"));
        await AwaitIdleAsync();
        Assert.False(reply.IsCompleted);
        await AdvanceAsync(TimeSpan.FromSeconds(2));
        var done = await reply.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TunnelState.Stopped, done.State);
        Assert.Equal(9, (await ssh.Exited).Signal);
        Assert.Equal(StoppedBy.Operator, Sink.OfType<TunnelLifecycleEvent.Stopped>().Single().By);
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Single(Ssh.All);
    }

    [Fact]
    public async Task StartCommand_Stopped_StartsAgain()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        await Ssh.NextStartAsync();
        await tunnel.Ask<TunnelCommandDone>(new StopTunnel("a")).WaitAsync(TimeSpan.FromSeconds(10));

        var done = await tunnel.Ask<TunnelCommandDone>(new StartTunnel("a")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TunnelState.Starting, done.State);
        Assert.Equal(2, (await Ssh.NextStartAsync()).Incarnation);
    }

    [Fact]
    public async Task ActorStopped_SshRunning_SshKilled()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var ssh = await Ssh.NextStartAsync();

        Watch(tunnel);
        Sys.Stop(tunnel);
        await ExpectTerminatedAsync(tunnel);

        Assert.True(ssh.Disposed);
        Assert.Equal(9, (await ssh.Exited).Signal);
    }

    [Fact]
    public async Task StatusPush_EveryChange_ReachesRoot()
    {
        var (_, root) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        await Ssh.NextStartAsync();

        await AdvanceAsync(Settle);

        var states = new List<TunnelState>();
        while (root.TryReceiveOne(out var envelope))
        {
            states.Add(((TunnelStatusChanged)envelope.Message).Status.State);
        }

        Assert.Equal([TunnelState.Starting, TunnelState.Connecting, TunnelState.Up], states.Distinct());
    }

    [Fact]
    public async Task Lifetime_Over_SshStoppedAndGivesUp()
    {
        var settings = TunnelTestSettings.Tunnel("a", limits: TestSettings.Limits(maxLifetime: TimeSpan.FromSeconds(10)));
        var (tunnel, _) = StartTunnelActor(settings);
        var ssh = await Ssh.NextStartAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(10));
        var status = await WaitForStateAsync(tunnel, "a", TunnelState.Failed);

        Assert.True(ssh.HasExited);
        Assert.Equal(GiveUpReason.LifetimeExceeded, Sink.OfType<TunnelLifecycleEvent.GaveUp>().Single().Reason);
        Assert.Contains("LifetimeExceeded", status.LastFailure);
    }

    [Fact]
    public async Task StaleExit_OfEarlierIncarnation_Dropped()
    {
        var (tunnel, _) = StartTunnelActor(TunnelTestSettings.Tunnel("a"));
        var first = await Ssh.NextStartAsync();
        first.Exit(255);
        await Ssh.NextStartAsync();
        await AdvanceAsync(Settle);

        tunnel.Tell(new SshProcessExited(1, await first.Exited), TestActor);
        var status = await StatusAsync(tunnel, "a");

        Assert.Equal(TunnelState.Up, status.State);
        Assert.Equal(2, Ssh.All.Count);
    }

    [Fact]
    public async Task EchoMonitorWithoutPort_PickedPortsReserved_PicksAnUnreservedOne()
    {
        var refused = new List<int>();
        var settings = TunnelTestSettings.Tunnel("a", MonitorMode.Echo);
        settings = settings with { Monitor = settings.Monitor with { Port = null } };

        StartTunnelActor(settings, isReservedPort: port =>
        {
            lock (refused)
            {
                if (refused.Count < 3)
                {
                    refused.Add(port);
                    return true;
                }

                return false;
            }
        });
        var ssh = await Ssh.NextStartAsync();

        var forward = ssh.Request.Command.Arguments.Single(a => a.EndsWith(":127.0.0.1:7", StringComparison.Ordinal));
        Assert.Equal(3, refused.Count);
        Assert.DoesNotContain(int.Parse(forward.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture), refused);
    }

    [Theory]
    [InlineData(255, null, 0, 0, true)] // connection error: restart
    [InlineData(1, null, 0, 0, true)] // 1 without a gate: restart (autossh.md §4.1 table)
    [InlineData(3, null, 0, 0, false)] // 3..254: the command failed, give up
    [InlineData(null, 9, 5, 1, true)] // killed by a signal: restart even within the gate
    [InlineData(1, null, 5, 10, false)] // first run exits 1 after the gate: give up
    [InlineData(255, null, 5, 10, true)] // first run exits 255 after the gate: restart
    public async Task SshEnds_AutosshDecisionTable_RestartsOrGivesUp(int? code, int? signal, int gateSeconds, int ranSeconds, bool restarts)
    {
        var settings = TunnelTestSettings.Tunnel("a", limits: TestSettings.Limits(gateTime: TimeSpan.FromSeconds(gateSeconds)));
        var (tunnel, _) = StartTunnelActor(settings);
        var ssh = await Ssh.NextStartAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(ranSeconds));

        ssh.Exit(code, signal);
        await AwaitIdleAsync();
        var status = await StatusAsync(tunnel, "a");

        Assert.Equal(restarts, status.State != TunnelState.Failed);
        Assert.Equal(restarts ? 2 : 1, Ssh.All.Count);
    }
}
