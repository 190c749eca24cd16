using System.Diagnostics;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>A scratch directory per test: a scripted fake ssh, the log file, the pid file, and waiting on files.</summary>
internal sealed class AutosshScratch : IDisposable
{
    // The fake ssh appends its pid to "starts", its start time (seconds since the epoch) to "start-times" and its argv
    // (one [arg] per line) to "argv", prints FAKE_STDERR on stderr, then behaves as FAKE_MODE says:
    // exit (FAKE_RC after FAKE_SLEEP seconds), seq (the n-th start exits with line n of "seq"), plan (the n-th start
    // sleeps, then exits, as line n of "plan" says: "<seconds> <status>"), sig (kills itself with FAKE_SIG), run
    // (sleeps until killed).
    private const string FakeSshScript = """
        #!/bin/sh
        date +%s.%N >> "$FAKE_DIR/start-times"
        echo "$$" >> "$FAKE_DIR/starts"
        echo "=== $$" >> "$FAKE_DIR/argv"
        for a in "$@"; do printf '[%s]\n' "$a" >> "$FAKE_DIR/argv"; done
        [ -n "$FAKE_STDERR" ] && echo "$FAKE_STDERR" >&2
        case "${FAKE_MODE:-exit}" in
          exit) [ -n "$FAKE_SLEEP" ] && sleep "$FAKE_SLEEP"; exit "${FAKE_RC:-0}" ;;
          seq) n=$(wc -l < "$FAKE_DIR/starts"); [ -n "$FAKE_SLEEP" ] && sleep "$FAKE_SLEEP"; exit "$(sed -n "${n}p" "$FAKE_DIR/seq")" ;;
          plan) n=$(wc -l < "$FAKE_DIR/starts"); set -- $(sed -n "${n}p" "$FAKE_DIR/plan"); sleep "$1"; exit "$2" ;;
          sig) kill -"${FAKE_SIG:-9}" $$ ;;
          run) exec sleep 100000 ;;
        esac
        """;

    public AutosshScratch()
    {
        Dir = Directory.CreateTempSubdirectory("autossh-test-").FullName;
        FakeSsh = Path.Combine(Dir, "fake-ssh");
        File.WriteAllText(FakeSsh, FakeSshScript.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(FakeSsh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        RuntimeDir = Directory.CreateDirectory(
            Path.Combine(Dir, "runtime"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
    }

    public string Dir { get; }

    /// <summary>The drop-in's <c>XDG_RUNTIME_DIR</c>: its state directories stay out of other runs' way (and out of /tmp).</summary>
    public string RuntimeDir { get; }

    public string FakeSsh { get; }

    public string LogFile => Path.Combine(Dir, "autossh.log");

    public string PidFile => Path.Combine(Dir, "autossh.pid");

    /// <summary>The fake ssh's pids in start order.</summary>
    public IReadOnlyList<int> Starts => Lines("starts").Select(int.Parse).ToList();

    /// <summary>When each fake ssh started, relative to the first start.</summary>
    public IReadOnlyList<TimeSpan> StartOffsets
    {
        get
        {
            var seconds = Lines("start-times").Select(line => double.Parse(line, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return seconds.Select(s => TimeSpan.FromSeconds(s - seconds[0])).ToList();
        }
    }

    /// <summary>The environment that runs the fake ssh in <paramref name="mode"/>, logging to <see cref="LogFile"/>, with
    /// <see cref="RuntimeDir"/> as <c>XDG_RUNTIME_DIR</c>.</summary>
    public Dictionary<string, string?> FakeEnvironment(string mode = "exit", params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AUTOSSH_PATH"] = FakeSsh,
            ["AUTOSSH_LOGFILE"] = LogFile,
            ["FAKE_DIR"] = Dir,
            ["FAKE_MODE"] = mode,
            ["XDG_RUNTIME_DIR"] = RuntimeDir,
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>The arguments the <paramref name="start"/>-th fake ssh received (without its program name).</summary>
    public IReadOnlyList<string> SshArgs(int start = 1)
    {
        var seen = 0;
        var args = new List<string>();
        foreach (var line in Lines("argv"))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                seen++;
            }
            else if (seen == start)
            {
                args.Add(line[1..^1]);
            }
        }

        Assert.True(seen >= start, $"fake ssh was started {seen} times, not {start}");
        return args;
    }

    public IReadOnlyList<string> Lines(string name)
    {
        var path = Path.Combine(Dir, name);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    /// <summary>The log file's messages (the text after <c>autossh[pid]: </c>).</summary>
    public IReadOnlyList<string> LogMessages() =>
        Lines("autossh.log").Select(line => line[(line.IndexOf("]: ", StringComparison.Ordinal) + 3)..]).ToList();

    /// <summary>Waits (real time, generous) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Support.Timeouts.Event, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the log has a message equal to <paramref name="message"/>.</summary>
    public Task WaitForLogAsync(string message) => WaitUntilAsync(() => LogMessages().Contains(message), $"log message '{message}'");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A socket or a file still in use: the temp directory is cleaned up later.
        }
    }
}
