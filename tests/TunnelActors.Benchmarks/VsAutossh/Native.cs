using System.Runtime.InteropServices;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>The libc calls the harness needs and .NET does not expose: kill(2), setns(2), sysconf(3).</summary>
internal static class Native
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    // CLONE_NEWNET from <sched.h>; _SC_CLK_TCK from <unistd.h> (glibc value 2).
    private const int CloneNewNet = 0x40000000;
    private const int ScClkTck = 2;

    /// <summary>Sends a signal to one process; false when it no longer exists.</summary>
    public static bool Kill(int pid, int signal)
    {
        if (pid <= 1)
        {
            // kill(0), kill(-1) and init are never what the harness means.
            throw new ArgumentOutOfRangeException(nameof(pid), pid, "refusing to signal a broadcast pid or init");
        }

        return SysKill(pid, signal) == 0;
    }

    /// <summary>Moves the calling thread into the network namespace held open by <paramref name="handle"/>.</summary>
    public static void EnterNetworkNamespace(SafeHandle handle)
    {
        if (SysSetns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
        {
            throw new IOException($"setns(CLONE_NEWNET) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Clock ticks per second, the unit of utime/stime in /proc/PID/stat.</summary>
    public static long ClockTicksPerSecond()
    {
        var ticks = SysSysconf(ScClkTck);
        return ticks > 0 ? ticks : 100;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysKill(int pid, int sig);

    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysSetns(int fd, int nstype);

    [DllImport("libc", EntryPoint = "sysconf", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern long SysSysconf(int name);
}
