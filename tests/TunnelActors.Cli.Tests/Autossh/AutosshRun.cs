using System.Diagnostics;
using System.Globalization;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The built <c>tunnelactors autossh</c> as a child process (argv, never a shell), killed at dispose if still alive.</summary>
internal sealed class AutosshRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private AutosshRun(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>tunnelactors autossh <paramref name="args"/></c> in <paramref name="workingDirectory"/> with
    /// <paramref name="environment"/> on top of a copy of ours without any AUTOSSH_* variable.</summary>
    public static AutosshRun Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var (program, prefix) = Binary();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var word in prefix.Append("autossh").Concat(args))
        {
            start.ArgumentList.Add(word);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AUTOSSH_", StringComparison.Ordinal) || k.StartsWith("TUNNELACTORS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("tunnelactors did not start");
        process.StandardInput.Close();
        return new AutosshRun(process);
    }

    /// <summary>Waits for the exit and returns status, stdout and stderr.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeouts.Event);
        return (_process.ExitCode, await _stdout.WaitAsync(Timeouts.Event), await _stderr.WaitAsync(Timeouts.Event));
    }

    /// <summary>Sends <paramref name="signal"/> (a kill(1) name such as TERM) to the drop-in.</summary>
    public Task SignalAsync(string signal) => SignalAsync(Pid, signal);

    public static async Task SignalAsync(int pid, string signal)
    {
        var (exitCode, _, error) = await ChildProcess.RunAsync("kill", "-s", signal, pid.ToString(CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, $"kill -s {signal} {pid} failed: {error}");
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}")
        && !File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat").Contains(") Z ", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The apphost next to the test assembly, or <c>dotnet tunnelactors.dll</c>.</summary>
    private static (string Program, string[] Prefix) Binary()
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, "tunnelactors");
        if (File.Exists(apphost))
        {
            return (apphost, []);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ChildProcess.Find("dotnet") ?? "dotnet";
        return (dotnet, [Path.Combine(dir, "tunnelactors.dll")]);
    }
}
