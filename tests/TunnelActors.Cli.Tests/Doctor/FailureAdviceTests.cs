using System.Collections.Immutable;
using TunnelActors.Cli.Doctor;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class FailureAdviceTests
{
    private static readonly TunnelSettings Tunnel = ConfigurationBinder.LoadText("""
        tunnelactors.tunnels.web { host = "srv.example", port = 2200, user = "deploy", identity-file = "/keys/web" }
        """).GetSettingsOrThrow().Tunnels.Single();

    [Theory]
    [InlineData(FailureReason.AuthFailed, "/keys/web.pub) is in ~deploy/.ssh/authorized_keys on srv.example")]
    [InlineData(FailureReason.HostKeyChanged, "ssh-keygen -R [srv.example]:2200")]
    [InlineData(FailureReason.HostKeyUnknown, "ssh-keyscan -p 2200 srv.example")]
    [InlineData(FailureReason.ConnectionRefused, "nothing listens on srv.example port 2200")]
    [InlineData(FailureReason.Timeout, "nc -vz srv.example 2200")]
    [InlineData(FailureReason.Dns, "the name 'srv.example' does not resolve")]
    [InlineData(FailureReason.ExecFailed, "install openssh-client")]
    [InlineData(FailureReason.Unknown, "with -v")]
    public void For_EachReason_GivesItsAction(FailureReason reason, string expected)
    {
        var advice = string.Join('\n', FailureAdvice.For(reason, [], Tunnel, null));

        Assert.Contains(expected, advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bind [127.0.0.1]:18080: Address already in use")]
    [InlineData("channel_setup_fwd_listener_tcpip: cannot listen to port: 18080")]
    public void For_LocalForwardBusy_NamesThePortFromSshsMessage(string line)
    {
        var advice = FailureAdvice.For(FailureReason.LocalForwardBusy, [line, "Could not request local forwarding."], Tunnel, null);

        Assert.StartsWith("local port 18080 is already in use", advice.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void For_RemoteForwardRefused_NamesTheListenerAndTheStaleSessionWait()
    {
        ImmutableArray<string> lines = ["Error: remote port forwarding failed for listen port 9999"];

        var advice = string.Join('\n', FailureAdvice.For(FailureReason.RemoteForwardRefused, lines, Tunnel, null));

        Assert.Contains("refused the remote listener 9999", advice, StringComparison.Ordinal);
        Assert.Contains("ClientAliveInterval x ClientAliveCountMax", advice, StringComparison.Ordinal);
    }
}
