using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>An in-process TCP echo server on 127.0.0.1 (or on a socket made elsewhere, e.g. inside a namespace).</summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;
    private int _disposed;

    private EchoServer(Socket listener, EchoMode mode)
    {
        _listener = listener;
        Mode = mode;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _loop = AcceptLoopAsync();
    }

    /// <summary>The listening port.</summary>
    public int Port { get; }

    /// <summary>How it answers; can be changed while running.</summary>
    public EchoMode Mode { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Starts on 127.0.0.1 with a free port.</summary>
    public static EchoServer Start(EchoMode mode = EchoMode.Echo)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(32);
        return new EchoServer(socket, mode);
    }

    /// <summary>Serves on an already bound and listening socket (takes ownership).</summary>
    public static EchoServer StartOn(Socket listening, EchoMode mode = EchoMode.Echo) => new(listening, mode);

    /// <summary>Stops and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Dispose();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var clients = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                clients.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        await Task.WhenAll(clients);
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[8192];
            try
            {
                while (true)
                {
                    var n = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    if (Mode == EchoMode.Silent)
                    {
                        continue;
                    }

                    if (Mode == EchoMode.Mangle)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            buffer[i]++;
                        }
                    }

                    await client.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }
    }
}
