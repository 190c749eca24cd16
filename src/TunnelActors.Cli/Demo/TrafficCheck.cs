using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Demo;

/// <summary>Sends one line through a demo tunnel and checks that the echo service returns it unchanged.</summary>
internal static class TrafficCheck
{
    /// <summary>True when a unique line made the round trip within <paramref name="timeout"/>.</summary>
    public static async Task<bool> PassesAsync(DemoTunnel tunnel, int echoPort, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, tunnel.ListenPort), cts.Token);
            if (tunnel.Kind == DemoForwardKind.Socks && !await SocksConnectAsync(socket, echoPort, cts.Token))
            {
                return false;
            }

            var line = Encoding.ASCII.GetBytes($"demo {tunnel.Name} {time.GetTimestamp()}\n");
            await socket.SendAsync(line, cts.Token);
            var reply = new byte[line.Length];
            return await ReadExactlyAsync(socket, reply, cts.Token) && reply.AsSpan().SequenceEqual(line);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    // RFC 1928: no-auth greeting, then CONNECT 127.0.0.1:port.
    private static async Task<bool> SocksConnectAsync(Socket socket, int port, CancellationToken cancellationToken)
    {
        await socket.SendAsync(new byte[] { 5, 1, 0 }, cancellationToken);
        var greeting = new byte[2];
        if (!await ReadExactlyAsync(socket, greeting, cancellationToken) || greeting[1] != 0)
        {
            return false;
        }

        await socket.SendAsync(new byte[] { 5, 1, 0, 1, 127, 0, 0, 1, (byte)(port >> 8), (byte)port }, cancellationToken);
        var reply = new byte[10];
        return await ReadExactlyAsync(socket, reply, cancellationToken) && reply[1] == 0;
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
