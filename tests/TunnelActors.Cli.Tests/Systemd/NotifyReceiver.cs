using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Tests.Systemd;

/// <summary>A real Unix datagram socket playing systemd's side of NOTIFY_SOCKET (filesystem or abstract).</summary>
internal sealed class NotifyReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _directory;

    private NotifyReceiver(string notifySocket, string address, string? directory)
    {
        NotifySocket = notifySocket;
        _directory = directory;
        _socket.Bind(new UnixDomainSocketEndPoint(address));
    }

    /// <summary>The value to put in NOTIFY_SOCKET.</summary>
    public string NotifySocket { get; }

    public static NotifyReceiver OnPath()
    {
        var directory = Directory.CreateTempSubdirectory("ta-sdnotify-").FullName;
        var path = Path.Combine(directory, "notify");
        return new NotifyReceiver(path, path, directory);
    }

    public static NotifyReceiver Abstract()
    {
        var name = "ta-sdnotify-test-" + Guid.NewGuid().ToString("N");
        return new NotifyReceiver("@" + name, "\0" + name, null);
    }

    /// <summary>Waits for the next datagram (10 s safety timeout).</summary>
    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var count = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, count);
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
