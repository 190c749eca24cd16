using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.EndToEnd;

/// <summary>The built <c>tunnelactors run -c FILE</c> as a child process, with its log captured and its status readable.</summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "tunnelactors.dll");
    private readonly Process _process;
    private readonly List<string> _log = [];

    private DaemonProcess(Process process, string socketPath)
    {
        _process = process;
        SocketPath = socketPath;
    }

    /// <summary>The control socket.</summary>
    public string SocketPath { get; }

    /// <summary>The daemon's pid.</summary>
    public int Pid => _process.Id;

    /// <summary>Everything the daemon logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Starts the daemon on <paramref name="configPath"/>, whose state dir is <paramref name="stateDir"/>.</summary>
    public static DaemonProcess Start(string configPath, string stateDir)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Binary, "run", "-c", configPath })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var daemon = new DaemonProcess(process, Path.Combine(stateDir, "control.sock"));
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>Sends a signal by name (HUP, TERM, KILL...).</summary>
    public async Task SignalAsync(string signal)
    {
        var (code, _, error) = await ChildProcess.RunAsync("kill", "-s", signal, Pid.ToString(CultureInfo.InvariantCulture));
        Assert.True(code == 0, error);
    }

    /// <summary>Waits for the daemon to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(Timeouts.Event);
        return _process.ExitCode;
    }

    /// <summary>Polls <c>status --json</c> until <paramref name="condition"/> holds; fails with the log after the safety timeout.</summary>
    public async Task<IReadOnlyDictionary<string, (string State, int? Pid)>> WaitForStatusAsync(
        Func<IReadOnlyDictionary<string, (string State, int? Pid)>, bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        IReadOnlyDictionary<string, (string State, int? Pid)> last = new Dictionary<string, (string, int?)>();
        while (deadline.Elapsed < Timeouts.Event && !_process.HasExited)
        {
            var (code, output, _) = await CliRunner.RunAsync("status", "--json", "--socket", SocketPath);
            if (code == 0)
            {
                last = Parse(output);
                if (condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what}: last status [{string.Join(", ", last.Select(kv => $"{kv.Key}={kv.Value}"))}]\n{Log}");
    }

    /// <summary>Waits until the daemon logged a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text)
    {
        var deadline = Stopwatch.StartNew();
        while (!Log.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > Timeouts.Event)
            {
                throw new TimeoutException($"no log line with '{text}':\n{Log}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Dictionary<string, (string State, int? Pid)> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t => (t.GetProperty("state").GetString()!, t.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : (int?)null));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }
    }
}
