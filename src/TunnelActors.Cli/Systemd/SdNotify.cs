using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Systemd;

/// <summary>systemd's <c>sd_notify()</c> done by hand: one datagram to <c>$NOTIFY_SOCKET</c> per state change.</summary>
/// <remarks>
/// <para>A path starting with <c>/</c> is a filesystem socket, one starting with <c>@</c> an abstract one (the
/// <c>@</c> becomes a NUL byte). Unset, or any other form (e.g. <c>vsock:</c>), makes every call a no-op that
/// returns false, so callers never need to know whether they run under systemd.</para>
/// <para>Send errors are reported as false, never thrown: a lost notification must not stop the daemon
/// (systemd then times out or restarts, which is the documented behaviour).</para>
/// </remarks>
public sealed class SdNotify : IDisposable
{
    private readonly Socket? _socket;
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private SdNotify(string? address, TimeProvider time)
    {
        _time = time;
        if (address is null)
        {
            return;
        }

        _endPoint = new UnixDomainSocketEndPoint(address);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    /// <summary>Notifications are sent (NOTIFY_SOCKET was set to a usable address).</summary>
    public bool IsEnabled => _socket is not null;

    /// <summary>Reads <c>NOTIFY_SOCKET</c> through <paramref name="environment"/>.</summary>
    /// <param name="environment">Environment lookup (null when unset).</param>
    /// <param name="time">Clock for <c>MONOTONIC_USEC</c>: its timestamps must be CLOCK_MONOTONIC, as <see cref="TimeProvider.System"/>'s are on Linux.</param>
    public static SdNotify FromEnvironment(Func<string, string?> environment, TimeProvider time) =>
        new(SocketAddress(environment("NOTIFY_SOCKET")), time);

    /// <summary>The socket address for a <c>NOTIFY_SOCKET</c> value, or null when it is unusable.</summary>
    public static string? SocketAddress(string? value) => value switch
    {
        null or "" => null,
        ['/', ..] => value,
        ['@', _, ..] => "\0" + value[1..],
        _ => null,
    };

    /// <summary><c>READY=1</c>, optionally with a status line: start-up is complete.</summary>
    public bool Ready(string? status = null) => Send(status is null ? "READY=1" : $"READY=1\nSTATUS={Clean(status)}");

    /// <summary><c>STATUS=...</c>: a one-line status shown by <c>systemctl status</c>.</summary>
    public bool Status(string status) => Send($"STATUS={Clean(status)}");

    /// <summary><c>RELOADING=1</c> with <c>MONOTONIC_USEC</c> (required by <c>Type=notify-reload</c>, systemd ≥ 253); send <see cref="Ready"/> when done.</summary>
    public bool Reloading() => Send($"RELOADING=1\nMONOTONIC_USEC={MonotonicMicroseconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary><c>WATCHDOG=1</c>: the keep-alive ping; send every <see cref="SdWatchdog.PingInterval"/>.</summary>
    public bool Watchdog() => Send("WATCHDOG=1");

    /// <summary><c>STOPPING=1</c>: shutdown has begun.</summary>
    public bool Stopping() => Send("STOPPING=1");

    /// <summary>Sends a raw notification (newline-separated <c>KEY=VALUE</c> lines).</summary>
    public bool Send(string message)
    {
        if (_socket is null || _endPoint is null)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        lock (_gate)
        {
            try
            {
                return _socket.SendTo(bytes, SocketFlags.None, _endPoint) == bytes.Length;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket?.Dispose();

    /// <summary>CLOCK_MONOTONIC in microseconds, from the provider's timestamp.</summary>
    internal long MonotonicMicroseconds() =>
        (long)((Int128)_time.GetTimestamp() * 1_000_000 / _time.TimestampFrequency);

    // A newline would start a new KEY=VALUE assignment.
    private static string Clean(string status) => status.ReplaceLineEndings(" ");
}
