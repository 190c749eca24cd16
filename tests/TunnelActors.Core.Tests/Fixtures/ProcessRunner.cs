using System.Diagnostics;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>Runs a short helper program (ssh-keygen, ip, iptables) to completion; argument list, never a shell.</summary>
public static class ProcessRunner
{
    /// <summary>The result of a finished run.</summary>
    /// <param name="ExitCode">The exit status.</param>
    /// <param name="StandardOutput">Everything written to stdout.</param>
    /// <param name="StandardError">Everything written to stderr.</param>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <paramref name="program"/> and waits up to 20 s; kills it on timeout.</summary>
    public static Result Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 20 s.");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and throws with the program's stderr when it fails.</summary>
    public static Result RunChecked(string program, params string[] arguments)
    {
        var result = Run(program, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        }

        return result;
    }
}
