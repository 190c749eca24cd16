using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TunnelActors.Core.Autossh;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Autossh;

/// <summary><c>-f</c>: .NET cannot <c>fork()</c>, so the same binary is started again in a new session (autossh.md §6.3).</summary>
/// <remarks>
/// The child runs under <c>setsid</c> with cwd <c>/</c> and the same arguments (so <c>-f</c> still sets the gate to 0),
/// and marks itself with <see cref="MarkerVariable"/> (holding the parent's cwd for relative paths); it points its
/// standard streams at <c>/dev/null</c> before anything else. The parent exits 0 once the child is started, as
/// autossh's parent does after <c>daemon()</c>.
/// </remarks>
internal static class AutosshDetach
{
    /// <summary>Set in the detached child's environment to the directory the parent started in.</summary>
    public const string MarkerVariable = "TUNNELACTORS_AUTOSSH_DETACHED";

    private const int SetDescriptorFlags = 2; // F_SETFD
    private const int CloseOnExec = 1; // FD_CLOEXEC

    /// <summary>Starts the detached child; the outcome is <see cref="AutosshOutcome.BackgroundParent"/> or a start-up failure.</summary>
    public static AutosshOutcome Start(IReadOnlyList<string> args, string workingDirectory, AutosshLog log)
    {
        var setsid = ExecutableResolver.Resolve("setsid") ?? "/usr/bin/setsid";
        var start = new ProcessStartInfo(setsid) { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var word in SelfCommand().Append("autossh").Concat(args))
        {
            start.ArgumentList.Add(word);
        }

        start.Environment[MarkerVariable] = workingDirectory;
        try
        {
            // .NET's console streams are dup()s of 0-2 that a child inherits: the daemon would hold our caller's pipes
            // open (a caller reading our output to its end would wait for the daemon). This process exits next.
            CloseOnExecAboveStandardStreams();
            using var child = Process.Start(start) ?? throw new Win32Exception("no process started");
            return AutosshOutcome.BackgroundParent;
        }
        catch (Win32Exception e)
        {
            log.Error($"run as daemon failed: {e.Message}");
            Console.Error.WriteLine($"autossh: run as daemon failed: {e.Message}");
            return AutosshOutcome.StartupFailure;
        }
    }

    /// <summary>Points stdin, stdout and stderr at <c>/dev/null</c> (the detached child, as <c>daemon(0, 0)</c>).</summary>
    /// <remarks>The runtime keeps its own duplicates of the standard streams: those are pointed at /dev/null as
    /// well, or the caller's pipes would stay open as long as the daemon lives.</remarks>
    public static void DetachStandardStreams()
    {
        var inherited = Enumerable.Range(0, 3).Select(Target).OfType<string>().ToHashSet(StringComparer.Ordinal);
        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
        var nullFd = (int)devNull.DangerousGetHandle();
        inherited.Remove(Target(nullFd) ?? string.Empty);
        foreach (var fd in OpenDescriptors().Where(fd => fd != nullFd && (fd <= 2 || (Target(fd) is { } target && inherited.Contains(target)))))
        {
            _ = Dup2(nullFd, fd);
        }
    }

    private static IEnumerable<int> OpenDescriptors() =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(entry => int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var fd) ? fd : -1)
            .Where(fd => fd >= 0)
            .Order()
            .ToList();

    private static string? Target(int fd)
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

    private static void CloseOnExecAboveStandardStreams()
    {
        foreach (var fd in OpenDescriptors().Where(fd => fd > 2))
        {
            _ = Fcntl(fd, SetDescriptorFlags, CloseOnExec);
        }
    }

    /// <summary>How to run this program again: the apphost itself, or <c>dotnet tunnelactors.dll</c>.</summary>
    private static IEnumerable<string> SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the process path is unknown");
        yield return host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Not Assembly.Location: it is empty in a single-file publish (where the host is never dotnet anyway).
            yield return Path.Combine(AppContext.BaseDirectory, typeof(AutosshDetach).Assembly.GetName().Name + ".dll");
        }
    }

    // Blittable arguments only: no marshalling stubs needed.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int fd, int command, int argument);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup2(int oldFd, int newFd);
}
