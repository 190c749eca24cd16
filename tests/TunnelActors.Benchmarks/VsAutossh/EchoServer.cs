using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>A TCP echo service on 127.0.0.1 inside a namespace: every byte received is sent back.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    private EchoServer(Socket listener)
    {
        _listener = listener;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> in the namespace of <paramref name="netns"/>.</summary>
    public static async Task<EchoServer> StartAsync(NetnsThread netns, int port)
    {
        var listener = await netns.CreateTcpAsync();
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(4096);
        return new EchoServer(listener);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Expected: the listener was closed under the accept.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptAsync(_stop.Token);
            _ = EchoAsync(connection, _stop.Token);
        }
    }

    private static async Task EchoAsync(Socket connection, CancellationToken cancellationToken)
    {
        using (connection)
        {
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var read = await connection.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    await connection.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The peer went away or we are stopping; an echo connection has nothing to report.
            }
        }
    }
}
