using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Cli.Hosting;

/// <summary>An <see cref="INotifier"/> that sends sd_notify datagrams to NOTIFY_SOCKET itself (no libsystemd).</summary>
/// <param name="socketPath">The notify socket (<c>@name</c> for an abstract socket), or null to send nothing.</param>
/// <param name="watchdogInterval">The watchdog interval, or null when off.</param>
public sealed class DatagramNotifier(string? socketPath, TimeSpan? watchdogInterval) : INotifier, IDisposable
{
    private readonly Lock _gate = new();
    private Socket? _socket;

    /// <inheritdoc />
    public TimeSpan? WatchdogInterval => watchdogInterval;

    /// <summary>Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID (see sd_notify(3), sd_watchdog_enabled(3)).</summary>
    public static DatagramNotifier FromEnvironment(Func<string, string?> getEnvironment, int pid)
    {
        var socket = getEnvironment("NOTIFY_SOCKET");
        TimeSpan? watchdog = null;
        var watchdogPid = getEnvironment("WATCHDOG_PID");
        var forUs = string.IsNullOrEmpty(watchdogPid) || watchdogPid == pid.ToString(CultureInfo.InvariantCulture);
        if (forUs && long.TryParse(getEnvironment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0)
        {
            watchdog = TimeSpan.FromMicroseconds(usec);
        }

        return new DatagramNotifier(string.IsNullOrEmpty(socket) ? null : socket, watchdog);
    }

    /// <inheritdoc />
    public void Ready() => Send("READY=1");

    /// <inheritdoc />
    public void Reloading()
    {
        // Type=notify-reload wants the CLOCK_MONOTONIC time with RELOADING=1 (systemd.service(5));
        // Stopwatch reads CLOCK_MONOTONIC on Linux.
        var usec = Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1_000_000);
        Send($"RELOADING=1\nMONOTONIC_USEC={usec.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <inheritdoc />
    public void Status(string text) => Send("STATUS=" + text.ReplaceLineEndings(" "));

    /// <inheritdoc />
    public void Watchdog() => Send("WATCHDOG=1");

    /// <inheritdoc />
    public void Stopping() => Send("STOPPING=1");

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    private void Send(string message)
    {
        if (socketPath is null)
        {
            return;
        }

        // An abstract socket is written "@name"; the kernel wants a leading NUL.
        var path = socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath;
        lock (_gate)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                _socket.SendTo(Encoding.UTF8.GetBytes(message), new UnixDomainSocketEndPoint(path));
            }
            catch (SocketException)
            {
                // Notifications are best effort: a missing manager must not take the daemon down.
            }
        }
    }
}
