using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Runs short helper commands (ip, iptables, ssh-keygen) to completion and fails loudly on errors.</summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="program"/> and returns its stdout; throws with stderr on a non-zero exit.</summary>
    public static string Run(string program, params string[] args)
    {
        var (code, stdout, stderr) = TryRun(program, args);
        return code == 0
            ? stdout
            : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {code}: {stderr.Trim()}");
    }

    /// <summary>Runs <paramref name="program"/> and returns its exit code and output, never throwing on failure.</summary>
    public static (int Code, string Stdout, string Stderr) TryRun(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }
}
