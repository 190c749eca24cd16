using System.Net.Sockets;
using System.Runtime.Versioning;

namespace TunnelActors.Cli.Control;

/// <summary>The control socket's file: a private directory before bind, mode 0600 after, no stale file left.</summary>
internal static class ControlSocketFile
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="stateDir"/> (mode 0700) and the socket's directory, and removes a stale socket.</summary>
    /// <exception cref="IOException">Another daemon answers on <paramref name="socketPath"/>.</exception>
    [UnsupportedOSPlatform("windows")]
    public static void Prepare(string stateDir, string socketPath)
    {
        Directory.CreateDirectory(stateDir, OwnerOnlyDirectory);
        File.SetUnixFileMode(stateDir, OwnerOnlyDirectory);
        var socketDir = Path.GetDirectoryName(socketPath);
        if (!string.IsNullOrEmpty(socketDir) && !Directory.Exists(socketDir))
        {
            Directory.CreateDirectory(socketDir, OwnerOnlyDirectory);
        }

        if (!File.Exists(socketPath))
        {
            return;
        }

        if (IsAnswering(socketPath))
        {
            throw new IOException($"another daemon is listening on {socketPath}");
        }

        File.Delete(socketPath);
    }

    /// <summary>Restricts the bound socket to its owner (mode 0600).</summary>
    [UnsupportedOSPlatform("windows")]
    public static void Secure(string socketPath)
    {
        if (File.Exists(socketPath))
        {
            File.SetUnixFileMode(socketPath, OwnerOnlyFile);
        }
    }

    /// <summary>Deletes the socket file after the server stopped; missing is fine.</summary>
    public static void Remove(string socketPath)
    {
        try
        {
            File.Delete(socketPath);
        }
        catch (IOException)
        {
            // Best effort at shutdown; Prepare removes a stale file at the next start.
        }
    }

    private static bool IsAnswering(string socketPath)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
