using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>A TCP echo server on 127.0.0.1 (the far end of the seeds' <c>-L</c> forwards), and a client that checks a round trip.</summary>
/// <remarks>It answers as <see cref="Mode"/> says at the moment of each read (switchable while it runs), and records when
/// each connection's first bytes arrived (<see cref="Arrivals"/>).</remarks>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<EchoArrival> _arrivals = new();
    private readonly Task _loop;
    private volatile EchoMode _mode = EchoMode.Echo;

    public EchoServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How the next read is answered.</summary>
    public EchoMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    /// <summary>Every connection's first read, in arrival order.</summary>
    public IReadOnlyList<EchoArrival> Arrivals => [.. _arrivals];

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
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var first = true;
                int n;
                while ((n = await stream.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    if (first)
                    {
                        _arrivals.Enqueue(new EchoArrival(Stopwatch.GetTimestamp(), Encoding.ASCII.GetString(buffer, 0, n)));
                        first = false;
                    }

                    await AnswerAsync(stream, buffer.AsMemory(0, n));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The peer or the test went away.
            }
        }
    }

    private Task AnswerAsync(NetworkStream stream, Memory<byte> received)
    {
        switch (_mode)
        {
            case EchoMode.Silent:
                return Task.CompletedTask;
            case EchoMode.Mangle:
                foreach (ref var b in received.Span)
                {
                    b = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 'a' + 'A') : b;
                }

                break;
        }

        return stream.WriteAsync(received, _stop.Token).AsTask();
    }
}
