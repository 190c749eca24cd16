using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Ssh;

/// <summary>Each failure class produced live by a real ssh against the sshd fixture, then classified.</summary>
public sealed class FailureClassifierLiveTests
{
    [RequiresSshdFact]
    public async Task Classify_WrongKey_AuthFailed()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var otherKey = Path.Combine(sshd.Directory, "other_ed25519");
        ProcessRunner.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey);
        var tunnel = sshd.CreateTunnel("auth") with { Destination = sshd.Destination with { IdentityFile = otherKey } };

        Assert.Equal(FailureReason.AuthFailed, await RunToExitAsync(tunnel));
    }

    [RequiresSshdFact]
    public async Task Classify_EmptyKnownHosts_HostKeyUnknown()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var empty = Path.Combine(sshd.Directory, "empty_known_hosts");
        await File.WriteAllTextAsync(empty, "");
        var tunnel = WithKnownHosts(sshd, empty);

        Assert.Equal(FailureReason.HostKeyUnknown, await RunToExitAsync(tunnel));
    }

    [RequiresSshdFact]
    public async Task Classify_OtherHostKeyKnown_HostKeyChanged()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var impostor = Path.Combine(sshd.Directory, "impostor_ed25519");
        ProcessRunner.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", impostor);
        var knownHosts = Path.Combine(sshd.Directory, "changed_known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"[127.0.0.1]:{sshd.Port.ToString(CultureInfo.InvariantCulture)} {(await File.ReadAllTextAsync(impostor + ".pub")).Trim()}\n");

        Assert.Equal(FailureReason.HostKeyChanged, await RunToExitAsync(WithKnownHosts(sshd, knownHosts)));
    }

    [RequiresSshdFact]
    public async Task Classify_ClosedPort_ConnectionRefused()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var tunnel = sshd.CreateTunnel("refused") with { Destination = sshd.Destination with { Port = LoopbackPorts.FindFree() } };

        Assert.Equal(FailureReason.ConnectionRefused, await RunToExitAsync(tunnel));
    }

    [RequiresSshdFact]
    public async Task Classify_LocalPortBusy_LocalForwardBusy()
    {
        await using var sshd = await SshdFixture.StartAsync();
        using var occupant = Listen(out var port);
        var tunnel = sshd.CreateTunnel("busy", local: [Forward(ForwardKind.Local, port, sshd.Port)]);

        Assert.Equal(FailureReason.LocalForwardBusy, await RunToExitAsync(tunnel));
    }

    [RequiresSshdFact]
    public async Task Classify_RemotePortBusy_RemoteForwardRefused()
    {
        await using var sshd = await SshdFixture.StartAsync();
        // The "server" is this host: holding the port here makes sshd's bind fail, like a stale session would.
        using var occupant = Listen(out var port);
        var tunnel = sshd.CreateTunnel("rbusy", remote: [Forward(ForwardKind.Remote, port, sshd.Port)]);

        Assert.Equal(FailureReason.RemoteForwardRefused, await RunToExitAsync(tunnel));
    }

    [RequiresSshdFact]
    public async Task Classify_SignalledByOutsider_KilledBySignal()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var port = LoopbackPorts.FindFree();
        await using var ssh = Start(sshd.CreateTunnel("sig", local: [Forward(ForwardKind.Local, port, sshd.Port)]));
        await Eventually.ListeningAsync(new ProbeEndpoint.Tcp(port));

        ssh.Signal(UnixSignal.Kill);
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

        Assert.Equal(FailureReason.KilledBySignal, FailureClassifier.Classify(exit));
    }

    [RequiresRootFact]
    public async Task Classify_BlackholedServer_Timeout()
    {
        await using var ns = await NetnsSshdFixture.StartAsync();
        ns.Blackhole();
        var tunnel = ns.Sshd.CreateTunnel("hole", extraOptions: [new("ConnectTimeout", "1")]);

        Assert.Equal(FailureReason.Timeout, await RunToExitAsync(tunnel));
    }

    [RequiresRootFact]
    public async Task Classify_UnresolvableName_Dns()
    {
        // Resolved inside our own namespace, whose resolver is unreachable: no query leaves this host.
        await using var ns = await NetnsSshdFixture.StartAsync();
        var tunnel = ns.Sshd.CreateTunnel("dns") with
        {
            Destination = new SshDestination("nonexistent.invalid", null, null, null),
            SshOptions = [new("ConnectTimeout", "2")],
        };
        var command = SshCommandBuilder.Build(tunnel);
        var inNamespace = SshCommand.Create("ip", ["netns", "exec", ns.Namespace, "ssh", .. command.Arguments]);

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("dns", 1, inNamespace));
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

        Assert.Equal(FailureReason.Dns, FailureClassifier.Classify(exit));
    }

    private static TunnelSettings WithKnownHosts(SshdFixture sshd, string knownHosts) =>
        sshd.CreateTunnel("hk") with
        {
            SshOptions = [new("UserKnownHostsFile", knownHosts), new("StrictHostKeyChecking", "yes"), new("GlobalKnownHostsFile", "/dev/null")],
        };

    private static ISshProcess Start(TunnelSettings tunnel) =>
        new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest(tunnel.Name, 1, SshCommandBuilder.Build(tunnel)));

    private static async Task<FailureReason> RunToExitAsync(TunnelSettings tunnel)
    {
        await using var ssh = Start(tunnel);
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);
        Assert.Equal(255, exit.ExitCode);
        return FailureClassifier.Classify(exit);
    }

    private static Socket Listen(out int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(1);
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }

    private static ForwardSpec Forward(ForwardKind kind, int listenPort, int targetPort) =>
        new(kind, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{listenPort}:127.0.0.1:{targetPort}"), "127.0.0.1", listenPort, null, "127.0.0.1", targetPort, null);
}
