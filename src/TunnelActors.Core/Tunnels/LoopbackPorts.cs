using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Core.Tunnels;

/// <summary>Free TCP ports on 127.0.0.1 for monitors whose port the configuration leaves open.</summary>
/// <remarks>Another process may take a port between the pick and ssh's bind; ssh then fails with "cannot listen to
/// port" (LocalForwardBusy) and the next incarnation tries again with backoff.</remarks>
internal static class LoopbackPorts
{
    /// <summary>A port the kernel just handed out.</summary>
    public static int Free()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A port p with p+1 also free (the TCP loop uses both).</summary>
    public static int FreePair()
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var port = Free();
            if (port < 65535 && IsFree(port + 1))
            {
                return port;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
