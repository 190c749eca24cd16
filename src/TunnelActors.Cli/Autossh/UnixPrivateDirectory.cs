using System.Runtime.InteropServices;
using System.Text;

namespace TunnelActors.Cli.Autossh;

/// <summary>Whether a directory is this user's own private one, so that what it holds can be trusted (statx(2)).</summary>
/// <remarks>In a world-writable <c>/tmp</c> anyone can create <c>tunnelactors-autossh-&lt;pid&gt;</c> with a pid registry
/// naming any process: only a directory that is ours, no symbolic link, and writable by no one else may make us signal a
/// process (root would otherwise read, and act on, every user's directory).</remarks>
internal static class UnixPrivateDirectory
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int NoFollow = 0x100; // AT_SYMLINK_NOFOLLOW
    private const uint WantTypeModeOwner = 0x1 | 0x2 | 0x8; // STATX_TYPE | STATX_MODE | STATX_UID
    private const int TypeMask = 0xF000; // S_IFMT
    private const int DirectoryType = 0x4000; // S_IFDIR
    private const int GroupOrOthersWrite = 0x12; // S_IWGRP | S_IWOTH

    /// <summary>True when <paramref name="path"/> itself (not a link's target) is a directory owned by our effective uid
    /// that neither its group nor others can write; false when it is not, or when the system cannot say.</summary>
    public static bool IsOurs(string path)
    {
        var name = Encoding.UTF8.GetBytes(path + "\0");
        try
        {
            if (Statx(CurrentDirectory, ref name[0], NoFollow, WantTypeModeOwner, out var status) != 0
                || (status.Mask & WantTypeModeOwner) != WantTypeModeOwner)
            {
                return false;
            }

            return (status.Mode & TypeMask) == DirectoryType
                && (status.Mode & GroupOrOthersWrite) == 0
                && status.Uid == EffectiveUid();
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a libc without statx (glibc < 2.28): trust nothing
        }
    }

    // struct statx (linux/stat.h), the same on every architecture; only the leading fields are read.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct StatxBuffer
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint LinkCount;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
    }

    // Blittable arguments only (the path is passed as a reference to its first byte): no marshalling stubs needed.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, ref byte path, int flags, uint mask, out StatxBuffer buffer);

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint EffectiveUid();
}
