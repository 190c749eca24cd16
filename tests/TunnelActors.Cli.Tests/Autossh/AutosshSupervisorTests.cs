using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>Exit decisions, restarts, signals and the pid file with a scripted fake ssh (spec §8 A1, B1-B3, B5, B8-B11,
/// B6, B7, B14, C1-C3, E5, F2).</summary>
public sealed class AutosshSupervisorTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task CleanExit_WithinDefaultGate_ExitsOnePrematurely()
    {
        var (code, _, _) = await RunAsync(_scratch.FakeEnvironment(), "-M", "0", "-N", "host");

        Assert.Equal(1, code);
        Assert.Single(_scratch.Starts);
        Assert.Contains("ssh exited prematurely with status 0; autossh exiting", _scratch.LogMessages());
    }

    [Fact]
    public async Task CleanExit_GateZero_ExitsZero()
    {
        var (code, _, _) = await RunAsync(_scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0")), "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Single(_scratch.Starts);
        Assert.Contains("ssh exited with status 0; autossh exiting", _scratch.LogMessages());
    }

    [Fact]
    public async Task SshStderr_Line_IsCopiedToOurStderr()
    {
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("FAKE_STDERR", "fake-ssh: something to say")]);

        var (code, _, stderr) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Contains("fake-ssh: something to say\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitThree_GateZero_ExitsOneAfterOneLaunch()
    {
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("FAKE_RC", "3")]);

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(1, code);
        Assert.Single(_scratch.Starts);
        Assert.Contains("ssh exited with status 3; autossh exiting", _scratch.LogMessages());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task ExitOneOrTwo_FirstLaunchAfterGate_ExitsOneAfterOneLaunch(string status)
    {
        // B6: a first ssh that outlived the gate and then exits 1 or 2 ends autossh (autossh.md 4.1 rule 5 → 6).
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "2"), ("FAKE_SLEEP", "3"), ("FAKE_RC", status)]);

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(1, code);
        Assert.Single(_scratch.Starts);
        Assert.Contains($"ssh exited with status {status}; autossh exiting", _scratch.LogMessages());
    }

    [Fact]
    public async Task Exit255_FirstLaunchAfterGate_RestartsUntilMaxStart()
    {
        // B7: 255 after the gate restarts; MAXSTART=2 ends with rc 0 after the second launch.
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "2"), ("AUTOSSH_MAXSTART", "2"), ("FAKE_SLEEP", "3"), ("FAKE_RC", "255")]);

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Equal(2, _scratch.Starts.Count);
        Assert.Equal("max start count reached; exiting", _scratch.LogMessages()[^1]);
    }

    [Fact]
    public async Task Exit255_MaxStartThree_RestartsThenExitsZero()
    {
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_MAXSTART", "3"), ("FAKE_RC", "255")]);

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Equal(3, _scratch.Starts.Count);
        var log = _scratch.LogMessages();
        Assert.Equal(3, log.Count(m => m == "ssh exited with error status 255; restarting ssh"));
        Assert.Contains("starting ssh (count 3 of 3)", log);
        Assert.Equal("max start count reached; exiting", log[^1]);
    }

    [Fact]
    public async Task Exit255_RepeatedFastFailures_BacksOffInsteadOfATightLoop()
    {
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_MAXSTART", "3"), ("AUTOSSH_LOGLEVEL", "7"), ("FAKE_RC", "255")]);

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Contains("sleeping for grace time 1 secs", _scratch.LogMessages());
    }

    [Fact]
    public async Task StatusSequence_255Then255Then0_ThreeLaunchesExitZero()
    {
        File.WriteAllLines(Path.Combine(_scratch.Dir, "seq"), ["255", "255", "0"]);
        var environment = _scratch.FakeEnvironment("seq", ("AUTOSSH_GATETIME", "0"));

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Equal(3, _scratch.Starts.Count);
    }

    [Fact]
    public async Task KilledBySignal_FirstLaunchWithinGate_IsRestarted()
    {
        var environment = _scratch.FakeEnvironment("sig", ("AUTOSSH_MAXSTART", "2"));

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Equal(2, _scratch.Starts.Count);
        Assert.Contains("ssh exited on signal 9, restarting ssh", _scratch.LogMessages());
    }

    [Fact]
    public async Task MaxStartZero_NoSshStarted_ExitsZero()
    {
        var (code, _, _) = await RunAsync(_scratch.FakeEnvironment(more: ("AUTOSSH_MAXSTART", "0")), "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Empty(_scratch.Starts);
    }

    [Fact]
    public async Task MaxLifetime_LongRunningSsh_ExitsZeroAndSshIsGone()
    {
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_MAXLIFETIME", "2"));

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Contains("exceeded maximum time to live, shutting down", _scratch.LogMessages());
        Assert.False(AutosshRun.IsAlive(Assert.Single(_scratch.Starts)));
    }

    [Fact]
    public async Task MissingSshProgram_Exec_ExitsOneNamingThePath()
    {
        var environment = _scratch.FakeEnvironment(more: ("AUTOSSH_PATH", "/nonexistent"));

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(1, code);
        Assert.Contains(_scratch.LogMessages(), m => m.StartsWith("/nonexistent: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Term_WhileSshRuns_StopsSshExitsOneAndRemovesPidFile()
    {
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", "0", "-N", "host");
        await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Count == 1, "ssh start");
        await _scratch.WaitForLogAsync($"ssh child pid is {_scratch.Starts[0].ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal($"{run.Pid.ToString(CultureInfo.InvariantCulture)}\n", File.ReadAllText(_scratch.PidFile));

        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("received signal to exit (15)", _scratch.LogMessages());
        Assert.False(AutosshRun.IsAlive(_scratch.Starts[0]));
        Assert.False(File.Exists(_scratch.PidFile));
    }

    [Fact]
    public async Task Usr1_WhileSshRuns_RestartsSshAndKeepsRunning()
    {
        await using var run = AutosshRun.Start(_scratch.Dir, _scratch.FakeEnvironment("run"), "-M", "0", "-N", "host");
        await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Count == 1, "ssh start");
        await _scratch.WaitForLogAsync($"ssh child pid is {_scratch.Starts[0].ToString(CultureInfo.InvariantCulture)}");

        await run.SignalAsync("USR1");
        await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Count == 2, "second ssh start");
        await _scratch.WaitForLogAsync("starting ssh (count 2)");

        Assert.Contains("signalled to kill and restart ssh", _scratch.LogMessages());
        Assert.False(run.HasExited);
        await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(_scratch.Starts[0]), "first ssh gone");
    }

    [Fact]
    public async Task HupAndUsr2_WhileSshRuns_ChangeNothing()
    {
        await using var run = AutosshRun.Start(_scratch.Dir, _scratch.FakeEnvironment("run"), "-M", "0", "-N", "host");
        await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Count == 1, "ssh start");
        await _scratch.WaitForLogAsync($"ssh child pid is {_scratch.Starts[0].ToString(CultureInfo.InvariantCulture)}");

        await run.SignalAsync("HUP");
        await run.SignalAsync("USR2");
        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        // TERM was handled after HUP and USR2 (one inbox, in order): neither ended the drop-in nor restarted ssh.
        Assert.Equal(1, code);
        Assert.Single(_scratch.Starts);
    }

    [Fact]
    public async Task HupThenTerm_DuringBackoff_HupIsHarmlessTermExitsOne()
    {
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_LOGLEVEL", "7"), ("FAKE_RC", "255")]);
        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", "0", "-N", "host");
        await _scratch.WaitForLogAsync("sleeping for grace time 2 secs");

        await run.SignalAsync("HUP");
        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        // autossh dies by SIGHUP here (spec §8 C4); the drop-in ignores it and handles TERM as autossh does.
        Assert.Equal(1, code);
        Assert.Equal("signalled to exit", _scratch.LogMessages()[^1]);
        Assert.Equal(3, _scratch.Starts.Count);
    }

    [Fact]
    public async Task LoopMonitor_Port_AddsAutosshForwardsFirst()
    {
        var port = FreePair();
        var environment = _scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0"));

        var (code, _, _) = await RunAsync(environment, "-M", port.ToString(CultureInfo.InvariantCulture), "-N", "host");

        Assert.Equal(0, code);
        var argv = string.Join(' ', _scratch.Lines("argv").Skip(1));
        // The tunnel layer puts the monitor forwards after the user's options (Debian: before); ssh does not mind.
        Assert.EndsWith($"[-N] [-L] [{port}:127.0.0.1:{port}] [-R] [{port}:127.0.0.1:{port + 1}] [host]", argv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopMonitor_ReturnPortBusy_ExitsOneBeforeAnySsh()
    {
        var port = FreePair();
        using var busy = new TcpListener(IPAddress.Loopback, port + 1);
        busy.Start();

        var (code, _, _) = await RunAsync(_scratch.FakeEnvironment(), "-M", port.ToString(CultureInfo.InvariantCulture), "-N", "host");

        Assert.Equal(1, code);
        Assert.Empty(_scratch.Starts);
        Assert.Contains(_scratch.LogMessages(), m => m.StartsWith($"bind on 127.0.0.1:{port + 1}: ", StringComparison.Ordinal));
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>A port p with p+1 free as well (the loop monitor's pair).</summary>
    internal static int FreePair()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Core.Monitoring.LoopbackPorts.FindFree();
            if (port < 65535 && IsFree(port + 1))
            {
                return port;
            }

            Assert.True(attempt < 50, "no free port pair");
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<(int, string, string)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, args);
        return await run.WaitForExitAsync();
    }
}
