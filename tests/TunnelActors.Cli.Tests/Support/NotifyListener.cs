using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>A Unix datagram socket standing in for systemd's NOTIFY_SOCKET; keeps every message in order.</summary>
internal sealed class NotifyListener : IDisposable
{
    private readonly Socket _socket;
    private readonly List<string> _received = [];

    public NotifyListener(string path)
    {
        Path = path;
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(path));
    }

    public string Path { get; }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<string> Received => _received;

    /// <summary>Receives messages until one satisfies <paramref name="match"/>; returns it.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(Timeouts.Event);
        var buffer = new byte[4096];
        while (true)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching notify message; received: [{string.Join(" | ", _received)}]");
            }

            var message = Encoding.UTF8.GetString(buffer, 0, length);
            _received.Add(message);
            if (match(message))
            {
                return message;
            }
        }
    }

    /// <summary>Receives until a message equal to or starting with <paramref name="prefix"/>.</summary>
    public Task<string> WaitForAsync(string prefix) => WaitForAsync(m => m.StartsWith(prefix, StringComparison.Ordinal));

    public void Dispose() => _socket.Dispose();
}
