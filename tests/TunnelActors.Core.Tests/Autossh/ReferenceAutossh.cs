using System.Diagnostics;
using System.Text;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Runs the real autossh 1.4g binary with a fake ssh that records its argv; no network is touched.</summary>
/// <remarks>
/// The fake ssh is a two-line shell script selected with AUTOSSH_PATH; it writes argv NUL-separated and exits 0.
/// AUTOSSH_GATETIME=0 makes that exit a clean "ssh exited with status 0" (rc 0) unless a test overrides it.
/// </remarks>
internal sealed class ReferenceAutossh : IDisposable
{
    /// <summary>The real binary (Debian's wrapper at /usr/bin/autossh would pick a random port).</summary>
    public static readonly string BinaryPath =
        Environment.GetEnvironmentVariable("TA_AUTOSSH_REFERENCE") ?? "/usr/lib/autossh/autossh";

    private readonly string _dir;

    public ReferenceAutossh()
    {
        _dir = Directory.CreateTempSubdirectory("ta-autossh-ref-").FullName;
        FakeSshPath = Path.Combine(_dir, "fake-ssh");
        File.WriteAllText(FakeSshPath, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$TA_ARGV_FILE\"\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FakeSshPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Skip reason when the reference binary is missing, else null.</summary>
    public static string? MissingReason =>
        File.Exists(BinaryPath) ? null : $"autossh reference binary {BinaryPath} not installed (apt-get install autossh)";

    public string FakeSshPath { get; }

    public string WorkDirectory => _dir;

    /// <summary>Runs autossh with <paramref name="args"/>; <paramref name="env"/> adds or overrides variables; without
    /// <paramref name="withLogFile"/> autossh logs to syslog (and stderr with AUTOSSH_DEBUG).</summary>
    public Result Run(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env = null, bool withLogFile = true)
    {
        // autossh can miss its child's SIGCHLD and then sleeps a whole POLL (600 s) before it notices the exit
        // (autossh.md §7 item 20, seen under load): such a run is thrown away and run again, once.
        return TryRun(args, env, withLogFile) ?? TryRun(args, env, withLogFile)
            ?? throw new TimeoutException($"autossh {string.Join(' ', args)} did not exit, twice");
    }

    private Result? TryRun(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? env, bool withLogFile)
    {
        var runId = Guid.NewGuid().ToString("N");
        var argvFile = Path.Combine(_dir, "argv-" + runId);
        var logFile = Path.Combine(_dir, "log-" + runId);
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AUTOSSH_", StringComparison.Ordinal) || k == "POSIXLY_CORRECT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in Variables(env))
        {
            start.Environment[key] = value;
        }

        if (!withLogFile)
        {
            start.Environment.Remove("AUTOSSH_LOGFILE");
        }
        else if (env is null || !env.ContainsKey("AUTOSSH_LOGFILE"))
        {
            start.Environment["AUTOSSH_LOGFILE"] = logFile;
        }
        start.Environment["TA_ARGV_FILE"] = argvFile;

        using var process = Process.Start(start)!;
        try
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                return null;
            }

            process.WaitForExit();
            string[]? argv = null;
            if (File.Exists(argvFile))
            {
                var raw = File.ReadAllText(argvFile, Encoding.UTF8);
                argv = raw.Length == 0 ? [] : raw.TrimEnd('\0').Split('\0');
            }

            var log = File.Exists(logFile) ? File.ReadAllText(logFile) : string.Empty;
            return new Result(process.ExitCode, stdout.Result, stderr.Result, argv, log);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The AUTOSSH_* variables a run sees: the harness defaults (fake ssh, gate 0) plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string> Variables(IReadOnlyDictionary<string, string>? extra)
    {
        var variables = new Dictionary<string, string>
        {
            ["AUTOSSH_PATH"] = FakeSshPath,
            ["AUTOSSH_GATETIME"] = "0",
            ["AUTOSSH_LOGFILE"] = Path.Combine(_dir, "log"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return variables;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>What the reference did: exit status, output, the argv the fake ssh got (null when not run), its log file.</summary>
    internal sealed record Result(int ExitCode, string Stdout, string Stderr, string[]? SshArgs, string Log);
}
