using System.Runtime.InteropServices;

namespace TunnelActors.Core.Ssh;

/// <summary>The few libc calls .NET does not expose: kill(2) with any signal and to a process group.</summary>
internal static class NativeMethods
{
    private const int Esrch = 3;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/> (negative: the process group -pid).</summary>
    /// <returns>True if delivered; false if no such process (ESRCH) or not permitted.</returns>
    public static bool Kill(int pid, UnixSignal signal)
    {
        if (pid is 0 or -1)
        {
            // kill(0) and kill(-1) would signal our own group or every process: never.
            throw new ArgumentOutOfRangeException(nameof(pid), pid, "Refusing to signal a broadcast pid.");
        }

        return SysKill(pid, (int)signal) == 0;
    }

    /// <summary>Whether the last failed call said "no such process".</summary>
    public static bool LastErrorWasNoSuchProcess() => Marshal.GetLastPInvokeError() == Esrch;

    // Blittable arguments only, so the classic DllImport needs no marshalling stubs (and no unsafe code).
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysKill(int pid, int sig);
}
