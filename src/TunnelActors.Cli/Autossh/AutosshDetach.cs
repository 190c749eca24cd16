using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using TunnelActors.Core.Autossh;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Autossh;

/// <summary><c>-f</c>: .NET cannot <c>fork()</c>, so the same binary is started again in a new session (autossh.md §6.3).</summary>
/// <remarks>
/// The child runs under <c>setsid</c> with cwd <c>/</c> and the same arguments (so <c>-f</c> still sets the gate to 0),
/// and marks itself with <see cref="MarkerVariable"/> (holding the parent's cwd for relative paths); it points its
/// standard streams at <c>/dev/null</c> before anything else. Unlike autossh's parent, which exits 0 at once (§7 item
/// 28), the parent waits on a readiness pipe until the child is ready (pid file written, first ssh started) or ends, so
/// that its exit status is the start-up's (systemd <c>Type=forking</c>).
/// </remarks>
internal static class AutosshDetach
{
    /// <summary>Set in the detached child's environment to the directory the parent started in.</summary>
    public const string MarkerVariable = "TUNNELACTORS_AUTOSSH_DETACHED";

    /// <summary>How long the parent waits for the child's report. Past it the parent exits 0 with a warning: the child
    /// keeps running, and autossh's parent would have exited 0 anyway.</summary>
    public static readonly TimeSpan ReadinessLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long the parent waits for the child's exit status once the pipe ended without a report.</summary>
    private static readonly TimeSpan ExitStatusLimit = TimeSpan.FromSeconds(5);

    /// <summary>Starts the detached child and waits for its report: <see cref="AutosshOutcome.BackgroundParent"/> when it
    /// is ready (or ended with status 0), else a start-up failure with the reason on stderr.</summary>
    public static async Task<AutosshOutcome> StartAsync(IReadOnlyList<string> args, string workingDirectory, AutosshLog log, TimeProvider time)
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
            using var pipe = AutosshReadinessPipe.Create();
            using var child = Spawn(start, pipe);
            pipe.CloseWriteEnd();
            return await AwaitReportAsync(pipe, child, log, time);
        }
        catch (Win32Exception e)
        {
            return Fail(log, $"run as daemon failed: {e.Message}");
        }
    }

    /// <summary>Points stdin, stdout and stderr at <c>/dev/null</c> (the detached child, as <c>daemon(0, 0)</c>).</summary>
    /// <remarks>The runtime keeps its own duplicates of the standard streams: those are pointed at /dev/null as
    /// well, or the caller's pipes would stay open as long as the daemon lives. <paramref name="keep"/> (the readiness
    /// pipe) is left alone.</remarks>
    public static void DetachStandardStreams(int? keep)
    {
        var inherited = Enumerable.Range(0, 3).Select(UnixDescriptors.Target).OfType<string>().ToHashSet(StringComparer.Ordinal);
        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
        var nullFd = (int)devNull.DangerousGetHandle();
        inherited.Remove(UnixDescriptors.Target(nullFd) ?? string.Empty);
        var redirected = UnixDescriptors.Open().Where(fd => fd != nullFd && fd != keep
            && (fd <= 2 || (UnixDescriptors.Target(fd) is { } target && inherited.Contains(target))));
        foreach (var fd in redirected)
        {
            UnixDescriptors.Duplicate(nullFd, fd);
            if (fd > 2)
            {
                // dup2 clears close-on-exec: the runtime's duplicates must not leak into ssh ([32]).
                UnixDescriptors.SetCloseOnExec(fd, closeOnExec: true);
            }
        }
    }

    private static Process Spawn(ProcessStartInfo start, AutosshReadinessPipe pipe)
    {
        start.Environment[AutosshReadinessReporter.Variable] = pipe.WriteDescriptor.ToString(CultureInfo.InvariantCulture);
        // .NET's console streams are dup()s of 0-2 that a child inherits: the daemon would hold our caller's pipes
        // open (a caller reading our output to its end would wait for the daemon). Only the readiness pipe passes.
        CloseOnExecAboveStandardStreams(except: pipe.WriteDescriptor);
        return Process.Start(start) ?? throw new Win32Exception("no process started");
    }

    private static async Task<AutosshOutcome> AwaitReportAsync(AutosshReadinessPipe pipe, Process child, AutosshLog log, TimeProvider time)
    {
        var daemon = child.Id.ToString(CultureInfo.InvariantCulture);
        AutosshReadiness? report;
        try
        {
            report = await pipe.ReadAsync(ReadinessLimit, time);
        }
        catch (TimeoutException)
        {
            var warning = $"the detached supervisor (pid {daemon}) did not report readiness within {ReadinessLimit.TotalSeconds:0} s; it keeps running";
            log.Info(warning);
            Console.Error.WriteLine($"autossh: warning: {warning}");
            return AutosshOutcome.BackgroundParent;
        }

        switch (report)
        {
            case { IsReady: true } or { ExitCode: 0 }:
                return AutosshOutcome.BackgroundParent;
            case { ExitCode: var status, Reason: var reason }:
                // The child has logged the reason itself; it only goes to our stderr here.
                Console.Error.WriteLine(reason.Length > 0
                    ? $"autossh: {reason}"
                    : $"autossh: the detached supervisor (pid {daemon}) exited with status {status} before it was ready");
                return AutosshOutcome.StartupFailure;
        }

        // The pipe ended without a report: the child died (a signal, a crash) before it could say why.
        var exited = await ExitStatusAsync(child, time);
        return exited switch
        {
            0 => AutosshOutcome.BackgroundParent,
            { } code => Fail(log, $"the detached supervisor (pid {daemon}) exited with status {code} before it was ready"),
            null => Fail(log, $"the detached supervisor (pid {daemon}) ended before it was ready"),
        };
    }

    private static async Task<int?> ExitStatusAsync(Process child, TimeProvider time)
    {
        try
        {
            await child.WaitForExitAsync().WaitAsync(ExitStatusLimit, time);
            return child.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static AutosshOutcome Fail(AutosshLog log, string message)
    {
        log.Error(message);
        Console.Error.WriteLine($"autossh: {message}");
        return AutosshOutcome.StartupFailure;
    }

    private static void CloseOnExecAboveStandardStreams(int except)
    {
        foreach (var fd in UnixDescriptors.Open().Where(fd => fd > 2 && fd != except))
        {
            UnixDescriptors.SetCloseOnExec(fd, closeOnExec: true);
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
}
