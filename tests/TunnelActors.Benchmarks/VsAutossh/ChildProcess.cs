using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>A program started inside a namespace, with a bounded tail of its output and a two-phase stop.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 30;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Action<string>? _onLine;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StreamWriter? _log;

    private ChildProcess(Process process, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;

        // The Exited event, not WaitForExitAsync: the latter also waits for EOF on the output pipes, which an
        // orphaned grandchild (an ssh left behind by autossh) can hold open forever.
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _exited.TrySetResult();
    }

    /// <summary>The pid (nsenter execs the program, so this is the program itself).</summary>
    public int Pid => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => _exited.Task;

    /// <summary>Exit code, valid once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of stdout and stderr together.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Starts <paramref name="argv"/> in namespace <paramref name="netns"/> with extra environment variables.</summary>
    /// <param name="netns">Namespace name.</param>
    /// <param name="argv">Program and arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="onLine">Called for every output line.</param>
    /// <param name="logFile">Every output line is appended here (closed on disposal).</param>
    public static ChildProcess Start(
        string netns,
        IReadOnlyList<string> argv,
        IReadOnlyDictionary<string, string>? environment = null,
        Action<string>? onLine = null,
        string? logFile = null) =>
        StartCore(netns, argv, environment, onLine, logFile);

    /// <summary>As <see cref="Start"/>, and appends every output line to <paramref name="logFile"/> (closed on disposal).</summary>
    public static ChildProcess StartLogged(string netns, IReadOnlyList<string> argv, string logFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        return StartCore(netns, argv, environment, onLine: null, logFile);
    }

    private static ChildProcess StartCore(
        string netns, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string>? environment, Action<string>? onLine, string? logFile)
    {
        var prefix = NetworkFixture.EnterPrefix(netns);
        var info = new ProcessStartInfo(prefix[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Skip(1).Concat(argv))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("AUTOSSH_", StringComparison.Ordinal) || k == "NOTIFY_SOCKET").ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, onLine)
        {
            _log = logFile is null ? null : new StreamWriter(logFile, append: true) { AutoFlush = true },
        };
        process.OutputDataReceived += (_, e) => child.Record(e.Data);
        process.ErrorDataReceived += (_, e) => child.Record(e.Data);
        process.Start();
        if (process.HasExited)
        {
            child._exited.TrySetResult();
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>; returns whether it ended within the grace.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }

        Native.Kill(Pid, Native.SigTerm);
        if (await Task.WhenAny(_exited.Task, Task.Delay(grace)) == _exited.Task)
        {
            return true;
        }

        Native.Kill(Pid, Native.SigCont);
        Native.Kill(Pid, Native.SigKill);
        await _exited.Task;
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
        lock (_tail)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line);
        lock (_tail)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
