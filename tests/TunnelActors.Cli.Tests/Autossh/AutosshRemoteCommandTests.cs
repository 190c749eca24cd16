using System.Globalization;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>A remote command after the destination, run by a real ssh against a real sshd: autossh's exit decisions for
/// the command's status (spec §8 B1, B2, B3, B6, B7, C5) and its output on the drop-in's stdout.</summary>
/// <remarks>B6/B7 use a 1 s gate and a 2 s command instead of 2 s and 4 s: the command still outlives the gate by 1 s
/// plus the connection time, and the tests run twice as fast.</remarks>
public sealed class AutosshRemoteCommandTests(SshdFixture fixture) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [RequiresSshdFact]
    public async Task True_DefaultGate_ExitsOnePrematurelyAfterOneLaunch()
    {
        // B1
        var (code, _, _) = await RunAsync(Environment(), "true");

        Assert.Equal(1, code);
        Assert.Equal(1, Launches());
        Assert.Equal("ssh exited prematurely with status 0; autossh exiting", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task True_GateZero_ExitsZeroAfterOneLaunch()
    {
        // B2
        var (code, _, _) = await RunAsync(Environment(("AUTOSSH_GATETIME", "0")), "true");

        Assert.Equal(0, code);
        Assert.Equal(1, Launches());
        Assert.Equal("ssh exited with status 0; autossh exiting", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task ExitThree_GateZero_ExitsOneWithTheStatusLogged()
    {
        // B3
        var (code, _, _) = await RunAsync(Environment(("AUTOSSH_GATETIME", "0")), "exit 3");

        Assert.Equal(1, code);
        Assert.Equal(1, Launches());
        Assert.Equal("ssh exited with status 3; autossh exiting", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task ExitTwoAfterTheGate_FirstLaunch_ExitsOneWithoutRestart()
    {
        // B6: 1 and 2 restart, but not on the first launch when a gate is set.
        var (code, _, _) = await RunAsync(Environment(("AUTOSSH_GATETIME", "1")), "sleep 2; exit 2");

        Assert.Equal(1, code);
        Assert.Equal(1, Launches());
        Assert.Equal("ssh exited with status 2; autossh exiting", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task Exit255AfterTheGate_MaxStartTwo_TwoLaunchesThenExitsZero()
    {
        // B7
        var (code, _, _) = await RunAsync(Environment(("AUTOSSH_GATETIME", "1"), ("AUTOSSH_MAXSTART", "2")), "sleep 2; exit 255");

        Assert.Equal(0, code);
        Assert.Equal(2, Launches());
        Assert.Equal(2, _scratch.LogMessages().Count(m => m == "ssh exited with error status 255; restarting ssh"));
        Assert.Equal("max start count reached; exiting", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task Echo_GateZero_CommandOutputOnStdout()
    {
        var (code, stdout, stderr) = await RunAsync(Environment(("AUTOSSH_GATETIME", "0")), "echo", "hello-from-remote;", "echo", "second  line");

        Assert.Equal(0, code);
        Assert.Equal("hello-from-remote\nsecond line\n", stdout);
        Assert.DoesNotContain("hello-from-remote", stderr, StringComparison.Ordinal);
    }

    [RequiresSshdFact]
    public async Task TermToTheSshChild_LongCommand_Status255AndRestarted()
    {
        // C5, second half: ssh -N exits 0 on SIGTERM (autossh exits), ssh with a command exits 255 (autossh restarts).
        var remotePids = Path.Combine(_scratch.Dir, "remote-pids");
        await using var run = AutosshRun.Start(
            _scratch.Dir, Environment(("AUTOSSH_GATETIME", "0")), ["-M", "0", .. fixture.Destination(), $"echo $$ >> {remotePids}; exec sleep 1000"]);
        try
        {
            // The server runs the command only after ssh's client loop has set its SIGTERM handler (the exec request
            // is sent from that loop), so a TERM now is handled by ssh, not fatal to it.
            await AutosshScratch.WaitUntilAsync(() => RemotePids(remotePids).Count == 1 && Launches() == 1, "the first remote command");
            await AutosshRun.SignalAsync(SshPid(1), "TERM");
            await AutosshScratch.WaitUntilAsync(() => RemotePids(remotePids).Count == 2, "the restarted ssh's remote command");
            await run.SignalAsync("TERM");
            var (code, _, _) = await run.WaitForExitAsync();

            Assert.Equal(1, code);
            Assert.Equal(2, Launches());
            Assert.Contains("ssh exited with error status 255; restarting ssh", _scratch.LogMessages());
        }
        finally
        {
            // Without a terminal the server's sleep outlives its session: end it (the first may already be gone).
            foreach (var pid in RemotePids(remotePids))
            {
                await Support.ChildProcess.RunAsync("kill", "-s", "KILL", pid);
            }
        }
    }

    [RequiresSshdFact]
    public async Task FirstTestNeverAnswers_CommandRunning_RestartedNotAPrematureExit()
    {
        // The tunnel stops an incarnation whose first test never answers, here after FIRST_POLL + 2 x net timeout + 10 s
        // = 13 s, within the default 30 s gate. ssh with a command exits 255 on that SIGTERM (ssh -N exits 0): that is
        // the drop-in's own restart ("port down"), not ssh ending prematurely.
        var unanswered = Core.Monitoring.LoopbackPorts.FindFree();
        var monitor = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = Environment(("AUTOSSH_POLL", "2"), ("AUTOSSH_FIRST_POLL", "1"));
        await using var run = AutosshRun.Start(
            _scratch.Dir, environment, ["-M", $"{monitor}:{unanswered}", .. fixture.Destination(), "while echo tick; do sleep 1; done"]);

        await _scratch.WaitForLogAsync("starting ssh (count 2)");
        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("port down, restarting ssh", _scratch.LogMessages());
        Assert.DoesNotContain(_scratch.LogMessages(), m => m.Contains("prematurely", StringComparison.Ordinal));
    }

    public void Dispose() => _scratch.Dispose();

    private Dictionary<string, string?> Environment(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string?> { ["AUTOSSH_LOGFILE"] = _scratch.LogFile };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return environment;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Dictionary<string, string?> environment, params string[] command)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, ["-M", "0", .. fixture.Destination(), .. command]);
        return await run.WaitForExitAsync();
    }

    /// <summary>The pids the remote commands wrote, complete lines only.</summary>
    private static List<string> RemotePids(string path) =>
        File.Exists(path) ? [.. File.ReadAllText(path).Split('\n').SkipLast(1)] : [];

    /// <summary>How many ssh processes the drop-in started, from its log.</summary>
    private int Launches() => SshPids().Count;

    private int SshPid(int count) => SshPids()[count - 1];

    private List<int> SshPids() => _scratch.LogMessages()
        .Where(m => m.StartsWith("ssh child pid is ", StringComparison.Ordinal))
        .Select(m => int.Parse(m["ssh child pid is ".Length..], CultureInfo.InvariantCulture))
        .ToList();
}
