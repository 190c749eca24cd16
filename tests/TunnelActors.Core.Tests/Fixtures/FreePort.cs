using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>Picks loopback TCP ports nobody is listening on (another process may still take one first: callers retry).</summary>
public static class FreePort
{
    /// <summary>A port the kernel just handed out on 127.0.0.1.</summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A port p such that p and p+1 are both free at this moment.</summary>
    public static int NextPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Next();
            if (port < 65535 && IsFree(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free pair of adjacent loopback ports found.");
    }

    /// <summary>Whether 127.0.0.1:<paramref name="port"/> can be bound now.</summary>
    public static bool IsFree(int port)
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
