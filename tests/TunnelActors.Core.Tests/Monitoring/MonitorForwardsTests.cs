using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Monitoring;

public sealed class MonitorForwardsTests
{
    [Fact]
    public void LoopTcp_Port20000_ExactlyAutosshForwards()
    {
        var set = MonitorForwards.LoopTcp(20000);

        Assert.Equal<MonitorForward>(
            [new MonitorForward(ForwardKind.Local, "20000:127.0.0.1:20000"), new MonitorForward(ForwardKind.Remote, "20000:127.0.0.1:20001")],
            set.Forwards);
        Assert.Equal(new ProbeEndpoint.Tcp(20000), set.ProbeTarget);
        Assert.Equal(new ProbeEndpoint.Tcp(20001), set.ListenerEndpoint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65535)]
    public void LoopTcp_PortWithoutRoomForPlusOne_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MonitorForwards.LoopTcp(port));
    }

    [Fact]
    public void Echo_Port20000Echo7_AutosshForward()
    {
        var set = MonitorForwards.Echo(20000, 7);

        Assert.Equal<MonitorForward>([new MonitorForward(ForwardKind.Local, "20000:127.0.0.1:7")], set.Forwards);
        Assert.Equal(new ProbeEndpoint.Tcp(20000), set.ProbeTarget);
        Assert.Null(set.ListenerEndpoint);
    }

    [Fact]
    public void LoopUnix_ForwardsChainLocalRemoteBack()
    {
        var set = MonitorForwards.LoopUnix("/var/lib/ta/mon", "/tmp/", "web", 12, "0badcafe");

        Assert.Equal("/var/lib/ta/mon/web-12-0badcafe.l:/tmp/ta-web-12-0badcafe.r", set.Forwards[0].Spec);
        Assert.Equal("/tmp/ta-web-12-0badcafe.r:/var/lib/ta/mon/web-12-0badcafe.b", set.Forwards[1].Spec);
        Assert.Equal(new ProbeEndpoint.Unix("/var/lib/ta/mon/web-12-0badcafe.l"), set.ProbeTarget);
        Assert.Equal(new ProbeEndpoint.Unix("/var/lib/ta/mon/web-12-0badcafe.b"), set.ListenerEndpoint);
        Assert.True(set.UsesUnixSockets);
    }

    [Fact]
    public void For_UnixLoopTwice_UniqueNamesPerIncarnation()
    {
        var settings = TestSettings.Monitor(MonitorMode.Loop);

        var a = MonitorForwards.For(settings, "web", 1, "/run/ta");
        var b = MonitorForwards.For(settings, "web", 1, "/run/ta");
        var c = MonitorForwards.For(settings, "web", 2, "/run/ta");

        Assert.NotEqual(a.RemoteSocket, b.RemoteSocket);
        Assert.NotEqual(a.RemoteSocket, c.RemoteSocket);
        Assert.Contains("-2-", c.RemoteSocket, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopUnix_LongTunnelName_ShortenedButDistinct()
    {
        var a = MonitorForwards.LoopUnix("/run/ta", "/tmp", new string('a', 60) + "x", 1, "00000000");
        var b = MonitorForwards.LoopUnix("/run/ta", "/tmp", new string('a', 60) + "y", 1, "00000000");

        Assert.NotEqual(a.RemoteSocket, b.RemoteSocket);
        Assert.True(a.RemoteSocket!.Length < 60);
    }

    [Fact]
    public void LoopUnix_PathBeyondSunPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => MonitorForwards.LoopUnix("/" + new string('d', 100), "/tmp", "t", 1, "00000000"));
    }

    [Fact]
    public void For_EchoWithoutPort_UsesCallersFreePort()
    {
        var set = MonitorForwards.For(TestSettings.Monitor(MonitorMode.Echo, echoPort: 7), "t", 1, "/run/ta", port: 31000);

        Assert.Equal("31000:127.0.0.1:7", set.Forwards.Single().Spec);
    }

    [Fact]
    public void For_None_NoForwards()
    {
        Assert.Same(MonitorForwardSet.None, MonitorForwards.For(TestSettings.Monitor(MonitorMode.None), "t", 1, "/run/ta"));
    }
}
