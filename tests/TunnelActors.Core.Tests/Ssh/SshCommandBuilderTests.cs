using System.Collections.Immutable;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class SshCommandBuilderTests
{
    private static readonly ForwardSpec LocalWeb = new(ForwardKind.Local, "127.0.0.1:8080:10.0.0.5:80", "127.0.0.1", 8080, null, "10.0.0.5", 80, null);
    private static readonly ForwardSpec RemoteSsh = new(ForwardKind.Remote, "2222:127.0.0.1:22", null, 2222, null, "127.0.0.1", 22, null);
    private static readonly ForwardSpec Socks = new(ForwardKind.Dynamic, "1080", null, 1080, null, null, null, null);
    private static readonly ForwardSpec UnixLocal = new(ForwardKind.Local, "/run/app.sock:/var/run/app.sock", null, null, "/run/app.sock", null, null, "/var/run/app.sock");

    [Fact]
    public void Build_FullTunnel_ProducesArgvInDocumentedOrder()
    {
        var tunnel = Tunnel(
            local: [LocalWeb],
            remote: [RemoteSsh],
            dynamic: [Socks],
            options: [new("ServerAliveInterval", "5")],
            args: ["-4"],
            destination: new SshDestination("gw.example", "ops", 2200, "/keys/id"));

        var command = SshCommandBuilder.Build(tunnel, MonitorForwards.LoopTcp(20000));

        string[] expected =
        [
            "-N",
            "-L", "127.0.0.1:8080:10.0.0.5:80",
            "-R", "2222:127.0.0.1:22",
            "-D", "1080",
            "-o", "ServerAliveInterval=5",
            "-o", "ExitOnForwardFailure=yes",
            "-o", "BatchMode=yes",
            "-o", "ServerAliveCountMax=3",
            "-o", "ConnectTimeout=10",
            "-o", "ControlMaster=no",
            "-o", "ControlPath=none",
            "-o", "IdentitiesOnly=yes",
            "-4",
            "-L", "20000:127.0.0.1:20000",
            "-R", "20000:127.0.0.1:20001",
            "-p", "2200",
            "-l", "ops",
            "-i", "/keys/id",
            "gw.example",
        ];
        Assert.Equal("ssh", command.FileName);
        Assert.Equal(expected, command.Arguments);
    }

    [Fact]
    public void Build_UserOptionDifferentCase_DefaultLeftOut()
    {
        var tunnel = Tunnel(options: [new("batchmode", "no"), new("SERVERALIVEINTERVAL", "1")]);

        var args = SshCommandBuilder.Build(tunnel).Arguments;

        Assert.Contains("batchmode=no", args);
        Assert.DoesNotContain("BatchMode=yes", args);
        Assert.DoesNotContain(args, a => a.StartsWith("ServerAliveInterval=", StringComparison.Ordinal));
        Assert.True(args.IndexOf("batchmode=no") < args.IndexOf("ExitOnForwardFailure=yes"), "user options must come before defaults");
    }

    [Theory]
    [InlineData("-o", "ConnectTimeout=3")]
    [InlineData("-oConnectTimeout=3", null)]
    [InlineData("-o", "ConnectTimeout 3")]
    public void Build_OptionInPassThroughArgs_DefaultLeftOut(string first, string? second)
    {
        var tunnel = Tunnel(args: second is null ? [first] : [first, second]);

        var args = SshCommandBuilder.Build(tunnel).Arguments;

        Assert.DoesNotContain("ConnectTimeout=10", args);
        Assert.Contains("BatchMode=yes", args);
    }

    [Fact]
    public void Build_UnixSocketForward_AddsStreamLocalBindUnlink()
    {
        var withSocket = SshCommandBuilder.Build(Tunnel(local: [UnixLocal])).Arguments;
        var withoutSocket = SshCommandBuilder.Build(Tunnel(local: [LocalWeb])).Arguments;

        Assert.Contains("StreamLocalBindUnlink=yes", withSocket);
        Assert.DoesNotContain("StreamLocalBindUnlink=yes", withoutSocket);
    }

    [Fact]
    public void Build_UnixLoopMonitor_AddsStreamLocalBindUnlinkAndBothForwards()
    {
        var monitor = MonitorForwards.LoopUnix("/var/lib/ta/mon", "/tmp", "db", 3, "abcd1234");

        var args = SshCommandBuilder.Build(Tunnel(), monitor).Arguments;

        Assert.Contains("StreamLocalBindUnlink=yes", args);
        var l = args.IndexOf("/var/lib/ta/mon/db-3-abcd1234.l:/tmp/ta-db-3-abcd1234.r");
        Assert.Equal("-L", args[l - 1]);
        Assert.Equal("-R", args[l + 1]);
        Assert.Equal("/tmp/ta-db-3-abcd1234.r:/var/lib/ta/mon/db-3-abcd1234.b", args[l + 2]);
    }

    [Fact]
    public void Build_MinimalDestination_NoPortUserOrIdentityFlags()
    {
        var args = SshCommandBuilder.Build(Tunnel(destination: new SshDestination("host", null, null, null))).Arguments;

        Assert.DoesNotContain("-p", args);
        Assert.DoesNotContain("-l", args);
        Assert.DoesNotContain("-i", args);
        Assert.DoesNotContain("IdentitiesOnly=yes", args);
        Assert.Equal("host", args[^1]);
    }

    [Fact]
    public void Build_RemoteCommand_NoDashNAndTheWordsFollowTheDestinationBehindDoubleDash()
    {
        var tunnel = Tunnel(local: [LocalWeb], destination: new SshDestination("gw.example", "ops", 2200, null)) with
        {
            RemoteCommand = ["sleep", "1000"],
        };

        var args = SshCommandBuilder.Build(tunnel, MonitorForwards.LoopTcp(20000)).Arguments;

        Assert.DoesNotContain("-N", args);
        Assert.Equal(["-L", "127.0.0.1:8080:10.0.0.5:80"], args.Take(2));
        Assert.Equal(["-l", "ops", "--", "gw.example", "sleep", "1000"], args.TakeLast(6));
    }

    [Fact]
    public void Build_RemoteCommandWordsLikeOptionsOrEmpty_PassedVerbatim()
    {
        var tunnel = Tunnel() with { RemoteCommand = ["-V", "", "-o", "x y"] };

        var args = SshCommandBuilder.Build(tunnel).Arguments;

        Assert.Equal(["--", "host", "-V", "", "-o", "x y"], args.TakeLast(6));
        Assert.Equal(1, args.Count(a => a == "--"));
    }

    [Fact]
    public void Build_NoRemoteCommand_DashNFirstAndNoDoubleDash()
    {
        var args = SshCommandBuilder.Build(Tunnel()).Arguments;

        Assert.Equal("-N", args[0]);
        Assert.DoesNotContain("--", args);
        Assert.Equal("host", args[^1]);
    }

    [Fact]
    public void Build_RemoteCommandChanged_DifferentDigest()
    {
        var a = SshCommandBuilder.Build(Tunnel() with { RemoteCommand = ["uptime"] });
        var b = SshCommandBuilder.Build(Tunnel() with { RemoteCommand = ["date"] });

        Assert.NotEqual(a.Digest, b.Digest);
        Assert.NotEqual(SshCommandBuilder.Build(Tunnel()).Digest, a.Digest);
    }

    [Theory]
    [InlineData("-oProxyCommand=evil")]
    [InlineData("")]
    public void Build_HostThatLooksLikeAnOption_Throws(string host)
    {
        var tunnel = Tunnel(destination: new SshDestination(host, null, null, null));

        Assert.Throws<ArgumentException>(() => SshCommandBuilder.Build(tunnel));
    }

    [Fact]
    public void Build_SameSettingsTwice_SameDigest_DifferentSettings_DifferentDigest()
    {
        var a = SshCommandBuilder.Build(Tunnel(local: [LocalWeb]));
        var b = SshCommandBuilder.Build(Tunnel(local: [LocalWeb]));
        var c = SshCommandBuilder.Build(Tunnel(local: [UnixLocal]));

        Assert.Equal(a.Digest, b.Digest);
        Assert.NotEqual(a.Digest, c.Digest);
        Assert.Equal(64, a.Digest.Length);
    }

    [Fact]
    public void ToStartInfo_UsesArgumentListVerbatim()
    {
        var command = SshCommandBuilder.Build(Tunnel(options: [new("ProxyCommand", "nc %h %p; echo 'x'")]));

        var info = command.ToStartInfo();

        Assert.Equal("ssh", info.FileName);
        Assert.False(info.UseShellExecute);
        Assert.Equal(command.Arguments, info.ArgumentList);
        Assert.Contains("ProxyCommand=nc %h %p; echo 'x'", info.ArgumentList);
    }

    private static TunnelSettings Tunnel(
        ImmutableArray<ForwardSpec> local = default,
        ImmutableArray<ForwardSpec> remote = default,
        ImmutableArray<ForwardSpec> dynamic = default,
        ImmutableArray<KeyValuePair<string, string>> options = default,
        ImmutableArray<string> args = default,
        SshDestination? destination = null) =>
        new(
            "t1",
            destination ?? new SshDestination("host", null, null, null),
            local.IsDefault ? [] : local,
            remote.IsDefault ? [] : remote,
            dynamic.IsDefault ? [] : dynamic,
            options.IsDefault ? [] : options,
            args.IsDefault ? [] : args,
            "ssh",
            TestSettings.Monitor(MonitorMode.None),
            TestSettings.Backoff(),
            TestSettings.Limits(),
            TimeSpan.FromSeconds(5));
}
