using System.Globalization;
using System.Runtime.InteropServices;

namespace TunnelActors.FakeSsh;

/// <summary>A stand-in for ssh used by actor tests; its behaviour is chosen by FAKE_SSH_* variables.</summary>
/// <remarks>
/// FAKE_SSH_ARGV_FILE: append "=== pid N" and then one line per argument to this file.
/// FAKE_SSH_STDERR: lines (separated by newlines) to print to stderr at start.
/// FAKE_SSH_STDOUT: lines (separated by newlines) to print to stdout at start (a remote command's output).
/// FAKE_SSH_READY_FILE: create this file once started (after argv and stderr are written).
/// FAKE_SSH_MODE:
///   exit (default): sleep FAKE_SSH_DELAY_MS (default 0), then exit with FAKE_SSH_EXIT (default 0);
///   hang: run until SIGTERM/SIGINT, then exit with FAKE_SSH_TERM_EXIT (default 0, like ssh -N);
///   ignore-term: ignore SIGTERM and SIGINT and run until killed;
///   signal: after FAKE_SSH_DELAY_MS, kill itself with signal FAKE_SSH_SIGNAL (default 9).
/// </remarks>
public static class Program
{
    public static int Main(string[] args)
    {
        var mode = Env("FAKE_SSH_MODE") ?? "exit";
        // Signal handlers go in before anything is announced: a test may signal as soon as the ready file exists.
        using var done = new ManualResetEventSlim();
        using var term = mode switch
        {
            "hang" => PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, done)),
            "ignore-term" => PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = true),
            _ => null,
        };
        using var interrupt = mode switch
        {
            "hang" => PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, done)),
            "ignore-term" => PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true),
            _ => null,
        };

        var argvFile = Env("FAKE_SSH_ARGV_FILE");
        if (argvFile is not null)
        {
            File.AppendAllLines(argvFile, args.Prepend($"=== pid {Environment.ProcessId}"));
        }

        foreach (var line in (Env("FAKE_SSH_STDERR") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.Error.WriteLine(line);
        }

        Console.Error.Flush();
        foreach (var line in (Env("FAKE_SSH_STDOUT") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.Out.WriteLine(line);
        }

        Console.Out.Flush();
        var ready = Env("FAKE_SSH_READY_FILE");
        if (ready is not null)
        {
            File.WriteAllText(ready, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }

        switch (mode)
        {
            case "exit":
                return ExitAfterDelay();
            case "hang":
                done.Wait();
                return Int("FAKE_SSH_TERM_EXIT", 0);
            case "ignore-term":
                // The simulated ssh that ignores SIGTERM: it only ends by SIGKILL (no test waits on this sleep).
                Thread.Sleep(Timeout.Infinite);
                return 0;
            case "signal":
                return KillSelf();
            default:
                Console.Error.WriteLine($"fake-ssh: unknown FAKE_SSH_MODE '{mode}'");
                return 2;
        }
    }

    private static void Stop(PosixSignalContext context, ManualResetEventSlim done)
    {
        context.Cancel = true;
        done.Set();
    }

    // The delays below are the simulated ssh's lifetime (how long it "ran"), chosen by the test, not a synchronisation.
    private static int ExitAfterDelay()
    {
        Thread.Sleep(Int("FAKE_SSH_DELAY_MS", 0));
        return Int("FAKE_SSH_EXIT", 0);
    }

    private static int KillSelf()
    {
        Thread.Sleep(Int("FAKE_SSH_DELAY_MS", 0));
        _ = kill(Environment.ProcessId, Int("FAKE_SSH_SIGNAL", 9));
        Thread.Sleep(Timeout.Infinite); // until the signal's default action ends the process
        return 0;
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name);

    private static int Int(string name, int fallback) =>
        int.TryParse(Env(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
