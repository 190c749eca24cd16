using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Core.Monitoring;

/// <summary>Finds free TCP ports on 127.0.0.1 for monitor forwards whose port the configuration leaves open.</summary>
/// <remarks>A port is free at the moment of the check only; ssh (ExitOnForwardFailure) or the
/// <see cref="LoopListener"/> fails cleanly when another process takes it first, and the next incarnation picks again.
/// Unlike Debian's autossh wrapper (autossh.md §1.1) this asks the kernel instead of parsing /proc/net/tcp.</remarks>
public static class LoopbackPorts
{
    /// <summary>A port the kernel just reported free on 127.0.0.1.</summary>
    public static int FindFree()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A port p with p and p+1 both free (for the TCP loop).</summary>
    /// <exception cref="InvalidOperationException">No pair was found in 64 attempts.</exception>
    public static int FindFreePair()
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var port = FindFree();
            if (port < 65535 && IsFree(port + 1))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free pair of adjacent loopback ports was found.");
    }

    /// <summary>Whether 127.0.0.1:<paramref name="port"/> can be bound right now.</summary>
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
