using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>Tunnels that cannot work say why, and do not hammer the server.</summary>
[Collection(ScenarioCollection.Name)]
public sealed class FailureScenarioTests(ITestOutputHelper output)
{
    [RequiresSshdFact]
    public async Task WrongKey_AuthFailure_FailedAtMaxBackoffWithBoundedAttempts()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var wrongKey = Path.Combine(sshd.Directory, "wrong_ed25519");
        ProcessRunner.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrongKey);
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var tunnel = rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.None), LoopbackPorts.FindFree(), 9);
        tunnel = tunnel with { Destination = tunnel.Destination with { IdentityFile = wrongKey } };
        var clock = Stopwatch.StartNew();

        rig.Start(tunnel);
        var failed = await rig.WaitAsync("t", s => s.State == TunnelState.Failed, "Failed");
        rig.Report("wrong key", "start to Failed(AuthFailed)", clock.Elapsed);
        var window = Stopwatch.StartNew();
        await rig.WaitAsync("t", s => s.Incarnation >= 3, "two more attempts", TimeSpan.FromSeconds(20));
        var elapsed = window.Elapsed;
        rig.Report("wrong key", "time for two retries (max backoff 2 s, jitter 0.2)", elapsed);

        Assert.Equal(nameof(FailureReason.AuthFailed), failed.LastFailureClass);
        Assert.Contains("Permission denied", failed.LastFailure);
        Assert.NotNull(failed.NextStartAt);
        Assert.True(elapsed >= TimeSpan.FromSeconds(3.5), $"retried too fast: {elapsed}");
        Assert.All(
            rig.Events.OfType<TunnelLifecycleEvent.RestartScheduled>(),
            e => Assert.InRange(e.Delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4)));
    }

    [RequiresSshdFact]
    public async Task LocalPortBusy_ForwardFails_ClassifiedAndBackingOff()
    {
        await using var sshd = await SshdFixture.StartAsync();
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        squatter.Listen();
        var busyPort = ((IPEndPoint)squatter.LocalEndPoint!).Port;

        rig.Start(rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.None), busyPort, 9));
        var status = await rig.WaitAsync("t", s => s.LastFailureClass is not null, "a classified failure");

        Assert.Equal(nameof(FailureReason.LocalForwardBusy), status.LastFailureClass);
        Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.SshExited>(), e => e.Reason == FailureReason.LocalForwardBusy);
        Assert.NotEqual(TunnelState.Up, status.State);
    }

    [RequiresSshdFact]
    public async Task HostKeyChanged_KnownHostsHoldsAnotherKey_FailedWithClassAtMaxBackoff()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var otherKey = Path.Combine(sshd.Directory, "other_host_ed25519");
        ProcessRunner.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey);
        var knownHosts = Path.Combine(sshd.Directory, "changed_known_hosts");
        File.WriteAllText(knownHosts, $"[127.0.0.1]:{sshd.Port} {File.ReadAllText(otherKey + ".pub").Trim()}\n");
        await using var rig = await ScenarioRig.StartAsync(output, sshd);
        var tunnel = rig.Tunnel("t", ScenarioRig.Monitor(MonitorMode.None), LoopbackPorts.FindFree(), 9);
        tunnel = tunnel with { SshOptions = [.. tunnel.SshOptions.Select(o => o.Key == "UserKnownHostsFile" ? new KeyValuePair<string, string>(o.Key, knownHosts) : o)] };

        rig.Start(tunnel);
        var failed = await rig.WaitAsync("t", s => s.State == TunnelState.Failed, "Failed");

        Assert.Equal(nameof(FailureReason.HostKeyChanged), failed.LastFailureClass);
        Assert.InRange(failed.NextStartAt!.Value - failed.LastFailureAt!.Value, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.5));
        Assert.Contains(rig.Events.OfType<TunnelLifecycleEvent.SshExited>(), e => e.StderrTail.Any(l => l.Contains("IDENTIFICATION HAS CHANGED", StringComparison.Ordinal)));
    }
}
