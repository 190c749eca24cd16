using System.ComponentModel;
using System.Diagnostics;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Doctor;

/// <summary>Runs a short-lived helper program to completion (argument list, never a shell), killed if it takes too long.</summary>
internal static class ToolRunner
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="arguments"/>; never throws for a program that cannot run.</summary>
    public static async Task<ToolResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ExecutableResolver.Resolve(program) is not { } path)
        {
            return new ToolResult(null, string.Empty, string.Empty, $"'{program}' not found or not executable");
        }

        var info = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (Win32Exception exception)
        {
            return new ToolResult(null, string.Empty, string.Empty, $"cannot run '{program}': {exception.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                return new ToolResult(null, await stdout, await stderr, $"'{program}' did not finish within {timeout.TotalSeconds:0} s");
            }

            return new ToolResult(process.ExitCode, await stdout, await stderr);
        }
    }
}
