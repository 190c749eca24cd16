using System.Net;
using System.Net.Sockets;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tests.Monitoring;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void FindFreePair_BothPortsBindable()
    {
        var port = LoopbackPorts.FindFreePair();

        Assert.True(LoopbackPorts.IsFree(port));
        Assert.True(LoopbackPorts.IsFree(port + 1));
    }

    [Fact]
    public void IsFree_PortHeldByListener_False()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen(1);

        Assert.False(LoopbackPorts.IsFree(((IPEndPoint)holder.LocalEndPoint!).Port));
    }
}
