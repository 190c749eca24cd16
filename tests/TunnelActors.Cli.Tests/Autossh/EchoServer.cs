using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>A TCP echo server on 127.0.0.1 (the far end of the seeds' <c>-L</c> forwards), and a client that checks a round trip.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public EchoServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Sends a line to 127.0.0.1:<paramref name="port"/> and waits for it to come back; retried until it does.</summary>
    public static async Task RoundTripAsync(int port)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < Support.Timeouts.Event)
        {
            try
            {
                using var client = new TcpClient();
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
                var stream = client.GetStream();
                var sent = Encoding.ASCII.GetBytes($"ping {Guid.NewGuid():N}\n");
                await stream.WriteAsync(sent, attempt.Token);
                var received = new byte[sent.Length];
                await stream.ReadExactlyAsync(received, attempt.Token);
                if (received.AsSpan().SequenceEqual(sent))
                {
                    return;
                }

                last = "echo differs";
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or EndOfStreamException)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no round trip through 127.0.0.1:{port}: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = EchoAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task EchoAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await client.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The peer or the test went away.
            }
        }
    }
}
