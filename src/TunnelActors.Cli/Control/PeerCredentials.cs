using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TunnelActors.Cli.Control;

/// <summary>The credentials of the process at the other end of a Unix socket (SO_PEERCRED, see unix(7)).</summary>
/// <param name="Pid">The peer's pid when it connected.</param>
/// <param name="Uid">The peer's effective uid.</param>
/// <param name="Gid">The peer's effective gid.</param>
internal readonly record struct PeerCredentials(int Pid, uint Uid, uint Gid)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The effective uid of this process.</summary>
    public static uint OwnUid { get; } = NativeMethods.geteuid();

    /// <summary>Reads the peer of a connected Unix socket; null when the kernel does not say.</summary>
    public static PeerCredentials? Read(Socket socket)
    {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }: three 32-bit fields in host order.
        Span<byte> buffer = stackalloc byte[12];
        try
        {
            var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, buffer);
            if (length < 12)
            {
                return null;
            }
        }
        catch (SocketException)
        {
            return null;
        }

        return new PeerCredentials(
            MemoryMarshal.Read<int>(buffer),
            MemoryMarshal.Read<uint>(buffer[4..]),
            MemoryMarshal.Read<uint>(buffer[8..]));
    }

    /// <summary>True for our own uid and for root.</summary>
    public bool IsTrusted => Uid == OwnUid || Uid == 0;

    private static class NativeMethods
    {
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006", Justification = "libc name")]
        public static extern uint geteuid();
    }
}
