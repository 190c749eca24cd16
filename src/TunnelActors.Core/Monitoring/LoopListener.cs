using System.Net.Sockets;

namespace TunnelActors.Core.Monitoring;

/// <summary>The return end of the monitor loop: accepts what the tunnel's <c>-R</c> delivers and echoes it back.</summary>
/// <remarks>
/// A Unix socket is created in a directory made 0700 and is itself chmod 0600, so other local users can neither
/// answer nor read probes (autossh's TCP port is open to them, autossh.md §3); a stale file at the path is removed
/// first. A TCP listener binds 127.0.0.1 only. Every accepted connection is echoed until it closes.
/// </remarks>
public sealed class LoopListener : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private long _connections;
    private long _bytes;
    private int _disposed;

    private LoopListener(ProbeEndpoint endpoint, Socket listener)
    {
        Endpoint = endpoint;
        _listener = listener;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Where it listens.</summary>
    public ProbeEndpoint Endpoint { get; }

    /// <summary>Connections accepted so far (one per probe that crossed the tunnel).</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connections);

    /// <summary>Bytes echoed so far.</summary>
    public long BytesEchoed => Interlocked.Read(ref _bytes);

    /// <summary>Starts listening at <paramref name="endpoint"/>.</summary>
    /// <exception cref="SocketException">The endpoint cannot be bound (e.g. the TCP port is taken).</exception>
    public static LoopListener Start(ProbeEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint is ProbeEndpoint.Unix unix)
        {
            PrepareUnixPath(unix.Path);
        }

        var socket = endpoint.CreateSocket();
        try
        {
            if (endpoint is ProbeEndpoint.Tcp)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(endpoint.ToEndPoint());
            if (endpoint is ProbeEndpoint.Unix u && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(u.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            socket.Listen(16);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new LoopListener(endpoint, socket);
    }

    /// <summary>Stops listening, closes open connections and removes the socket file (idempotent).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Dispose();
        await _acceptLoop;
        if (Endpoint is ProbeEndpoint.Unix unix)
        {
            File.Delete(unix.Path);
        }

        _stop.Dispose();
    }

    private static void PrepareUnixPath(string path)
    {
        var dir = Path.GetDirectoryName(path) ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        if (!Directory.Exists(dir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        File.Delete(path);
    }

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(EchoAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private async Task EchoAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    var n = await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    await client.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
                    Interlocked.Add(ref _bytes, n);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The peer went away or we are stopping.
            }
        }
    }
}
