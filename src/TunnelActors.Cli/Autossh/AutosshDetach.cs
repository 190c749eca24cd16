using System.ComponentModel;
using System.Diagnostics;
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
    public static void DetachStandardStreams()
    {
        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
        var fd = (int)devNull.DangerousGetHandle();
        for (var target = 0; target <= 2; target++)
        {
            _ = Dup2(fd, target);
        }
    }

    /// <summary>How to run this program again: the apphost itself, or <c>dotnet tunnelactors.dll</c>.</summary>
    private static IEnumerable<string> SelfCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the process path is unknown");
        yield return host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            yield return typeof(AutosshDetach).Assembly.Location;
        }
    }

    // Blittable arguments only: no marshalling stubs needed.
    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Dup2(int oldFd, int newFd);
}
