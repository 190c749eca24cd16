using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TunnelActors.Cli.Autossh;

/// <summary>The file descriptors of this process as the kernel sees them (<c>/proc/self/fd</c>), and the few libc calls
/// <c>-f</c> needs on them.</summary>
internal static class UnixDescriptors
{
    private const int SetDescriptorFlags = 2; // F_SETFD
    private const int CloseOnExecFlag = 1; // FD_CLOEXEC
    private const int PipeCloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>The open descriptors, in ascending order.</summary>
    public static IReadOnlyList<int> Open() =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(entry => int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var fd) ? fd : -1)
            .Where(fd => fd >= 0)
            .Order()
            .ToList();

    /// <summary>What <paramref name="fd"/> refers to (a path, <c>pipe:[inode]</c>, ...), or null when it is not open.</summary>
    public static string? Target(int fd)
    {
        try
        {
            return new FileInfo(string.Create(CultureInfo.InvariantCulture, $"/proc/self/fd/{fd}")).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Sets or clears <c>FD_CLOEXEC</c>: whether a started program loses <paramref name="fd"/> or inherits it.</summary>
    public static void SetCloseOnExec(int fd, bool closeOnExec) => _ = Fcntl(fd, SetDescriptorFlags, closeOnExec ? CloseOnExecFlag : 0);

    /// <summary>Makes <paramref name="newFd"/> refer to what <paramref name="oldFd"/> refers to.</summary>
    public static void Duplicate(int oldFd, int newFd) => _ = Dup2(oldFd, newFd);

    /// <summary>A new pipe, both ends close-on-exec.</summary>
    /// <exception cref="Win32Exception">The pipe cannot be created (no descriptors left).</exception>
    public static (int Read, int Write) CreatePipe()
    {
        if (Pipe2(out var ends, PipeCloseOnExec) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        }

        return (ends.Read, ends.Write);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PipeEnds
    {
        public int Read;
        public int Write;
    }

    // Blittable arguments only: no marshalling stubs needed.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int fd, int command, int argument);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup2(int oldFd, int newFd);

    [DllImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Pipe2(out PipeEnds ends, int flags);
}
