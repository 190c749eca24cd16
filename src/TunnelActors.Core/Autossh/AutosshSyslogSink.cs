using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Core.Autossh;

/// <summary>syslog as glibc does it: one datagram per message to the Unix socket <c>/dev/log</c>, facility LOG_USER.</summary>
/// <remarks>Messages are dropped silently when the socket is missing or full, as glibc's <c>syslog()</c> does.</remarks>
public sealed class AutosshSyslogSink : IAutosshLogSink
{
    /// <summary>The system log socket.</summary>
    public const string DefaultSocketPath = "/dev/log";

    private readonly Socket _socket;
    private readonly UnixDomainSocketEndPoint _endPoint;
    private readonly Lock _gate = new();

    /// <summary>Creates a sink sending to <paramref name="socketPath"/>.</summary>
    public AutosshSyslogSink(string socketPath = DefaultSocketPath)
    {
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _endPoint = new UnixDomainSocketEndPoint(socketPath);
    }

    /// <summary>A syslog socket exists at <paramref name="socketPath"/>.</summary>
    public static bool IsAvailable(string socketPath = DefaultSocketPath) => File.Exists(socketPath);

    /// <inheritdoc />
    public void Write(AutosshLogEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(AutosshLogFormatter.SyslogDatagram(entry));
        lock (_gate)
        {
            try
            {
                _socket.SendTo(bytes, SocketFlags.None, _endPoint);
            }
            catch (SocketException)
            {
                // No syslog daemon: glibc drops the message too.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
