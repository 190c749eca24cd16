using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Core.Sandbox;

/// <summary>Picks TCP ports on 127.0.0.1 that are free right now.</summary>
public static class LoopbackPort
{
    /// <summary>A port the kernel just handed out for 127.0.0.1 (free unless someone takes it first).</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
