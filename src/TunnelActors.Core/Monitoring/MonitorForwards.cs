using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Monitoring;

/// <summary>Computes the forwards the monitor adds to one ssh incarnation.</summary>
/// <remarks>
/// Unix loop: <c>-L local.sock:remote.sock -R remote.sock:back.sock</c>. The probe connects to local.sock; ssh carries
/// it to remote.sock, the server-side listener of this same session's <c>-R</c>, which carries it back to back.sock,
/// where the <see cref="LoopListener"/> echoes it the whole way back. Every incarnation gets new, unique names:
/// a stale session on the server that still holds an old remote.sock can never block the new <c>-R</c> (autossh's loop
/// fails exactly there, autossh.md §7 item 11), and StreamLocalBindUnlink=yes (added by the command builder) removes
/// any stale local file at the <c>-L</c> path. Server side: OpenSSH 9.2's sshd does NOT unlink a <c>-R</c> socket file
/// when the session ends (checked: the file stays even after a clean SIGTERM of ssh), and unless the server sets
/// StreamLocalBindUnlink=yes a leftover file makes the next bind of that name fail; unique names make that impossible
/// on any server. The cost is one empty socket file per ssh start in RemoteSocketDir (default /tmp, cleaned by the
/// server's tmp cleaner); we cannot remove them ourselves without running a remote command.
/// TCP loop, exactly as autossh's <c>-M port</c> (autossh.md §1.5): <c>-L port:127.0.0.1:port -R port:127.0.0.1:port+1</c>;
/// the listener is 127.0.0.1:port+1.
/// Echo: <c>-L port:127.0.0.1:echo_port</c> to the server's echo service; no listener.
/// </remarks>
public static class MonitorForwards
{
    /// <summary>Longest Unix socket path Linux accepts (sun_path is 108 bytes including the NUL).</summary>
    public const int MaxUnixPathLength = 107;

    /// <summary>The forwards for <paramref name="settings"/>. <paramref name="port"/> is the TCP port to use when the
    /// settings leave it open (the caller picks a free one); <paramref name="localSocketDir"/> holds the local sockets.</summary>
    public static MonitorForwardSet For(MonitorSettings settings, string tunnelName, long incarnation, string localSocketDir, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Mode switch
        {
            MonitorMode.None => MonitorForwardSet.None,
            MonitorMode.Echo => Echo(RequirePort(settings.Port ?? port), settings.EchoPort),
            MonitorMode.Loop when settings.Transport == LoopTransport.Tcp => LoopTcp(RequirePort(settings.Port ?? port)),
            MonitorMode.Loop => LoopUnix(localSocketDir, settings.RemoteSocketDir, tunnelName, incarnation, RandomTag()),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Mode, "Unknown monitor mode."),
        };
    }

    /// <summary>The Unix-socket loop; <paramref name="tag"/> makes the names unique (8 random hex digits in production).</summary>
    public static MonitorForwardSet LoopUnix(string localDir, string remoteDir, string tunnelName, long incarnation, string tag)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{ShortName(tunnelName)}-{incarnation}-{tag}");
        var local = CheckLength(Path.Combine(localDir, id + ".l"));
        var back = CheckLength(Path.Combine(localDir, id + ".b"));
        var remote = CheckLength(remoteDir.TrimEnd('/') + "/ta-" + id + ".r");
        return new MonitorForwardSet(
            MonitorMode.Loop,
            [new MonitorForward(ForwardKind.Local, $"{local}:{remote}"), new MonitorForward(ForwardKind.Remote, $"{remote}:{back}")],
            new ProbeEndpoint.Unix(local),
            new ProbeEndpoint.Unix(back),
            remote);
    }

    /// <summary>autossh's TCP loop on <paramref name="port"/> and <paramref name="port"/>+1.</summary>
    public static MonitorForwardSet LoopTcp(int port)
    {
        if (port is < 1 or > 65534)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "The loop needs port and port+1 within 1..65535.");
        }

        var back = port + 1;
        return new MonitorForwardSet(
            MonitorMode.Loop,
            [
                new MonitorForward(ForwardKind.Local, Invariant($"{port}:127.0.0.1:{port}")),
                new MonitorForward(ForwardKind.Remote, Invariant($"{port}:127.0.0.1:{back}")),
            ],
            new ProbeEndpoint.Tcp(port),
            new ProbeEndpoint.Tcp(back),
            null);
    }

    /// <summary>Echo mode: local <paramref name="port"/> to the server's 127.0.0.1:<paramref name="echoPort"/>.</summary>
    public static MonitorForwardSet Echo(int port, int echoPort)
    {
        RequirePort(port);
        RequirePort(echoPort);
        return new MonitorForwardSet(
            MonitorMode.Echo,
            [new MonitorForward(ForwardKind.Local, Invariant($"{port}:127.0.0.1:{echoPort}"))],
            new ProbeEndpoint.Tcp(port),
            null,
            null);
    }

    /// <summary>Removes the local socket files of an incarnation that has ended (ssh does not remove its -L socket
    /// when killed).</summary>
    public static void DeleteLocalFiles(MonitorForwardSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        foreach (var endpoint in new[] { set.ProbeTarget, set.ListenerEndpoint })
        {
            if (endpoint is ProbeEndpoint.Unix unix)
            {
                File.Delete(unix.Path);
            }
        }
    }

    private static string RandomTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    // Long tunnel names would overflow sun_path: keep 20 characters plus a hash of the whole name.
    private static string ShortName(string tunnelName) =>
        tunnelName.Length <= 24
            ? tunnelName
            : tunnelName[..20] + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tunnelName)))[..4];

    private static string CheckLength(string path) =>
        Encoding.UTF8.GetByteCount(path) <= MaxUnixPathLength
            ? path
            : throw new ArgumentException($"Unix socket path '{path}' is longer than {MaxUnixPathLength} bytes; use a shorter state or socket directory.");

    private static int RequirePort(int? port) =>
        port is >= 1 and <= 65535 ? port.Value : throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port (1..65535) is required.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
