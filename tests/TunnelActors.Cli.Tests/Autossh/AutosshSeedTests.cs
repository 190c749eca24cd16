using System.Globalization;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The seeds' command lines, verbatim but for the destination, against a real sshd: traffic flows through the
/// <c>-L</c> forward, a killed server session is restored, SIGTERM ends everything (spec §8 B4, B12, B13, C1, C5, E1/E2, E4-like, F2).</summary>
public sealed class AutosshSeedTests(SshdFixture fixture) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [RequiresSshdFact]
    public async Task Seed2_MonitorOffServerAlive_TrafficFlowsAndSurvivesASessionKill()
    {
        await using var echo = new EchoServer();
        var local = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?> { ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_GATETIME"] = "0" };
        string[] seed = ["-M", "0", "-o", "ServerAliveInterval 30", "-o", "ServerAliveCountMax 3", "-N", "-L", $"{local}:localhost:{echo.Port}"];
        await using var run = AutosshRun.Start(_scratch.Dir, environment, [.. seed, .. fixture.Destination()]);
        await EchoServer.RoundTripAsync(local);

        Assert.True(fixture.Sshd!.SignalSessions(UnixSignal.Kill) > 0);
        await _scratch.WaitForLogAsync("starting ssh (count 2)");
        await EchoServer.RoundTripAsync(local);
        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("ssh exited with error status 255; restarting ssh", _scratch.LogMessages());
        Assert.Equal("received signal to exit (15)", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task ServerAlive_FrozenSession_SshExits255AndANewSshStarts()
    {
        // B13: with -M 0, ssh's own keepalives (1 s x 2) notice a frozen server session; the drop-in restarts ssh.
        await using var echo = new EchoServer();
        var local = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?> { ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_GATETIME"] = "0" };
        string[] args = ["-M", "0", "-o", "ServerAliveInterval=1", "-o", "ServerAliveCountMax=2", "-N", "-L", $"{local}:localhost:{echo.Port}"];
        await using var run = AutosshRun.Start(_scratch.Dir, environment, [.. args, .. fixture.Destination()]);
        await EchoServer.RoundTripAsync(local);
        var frozen = fixture.Sshd!.SessionPids();

        Assert.True(fixture.Sshd.SignalSessions(UnixSignal.Stop) > 0);
        try
        {
            await _scratch.WaitForLogAsync("starting ssh (count 2)");
            await EchoServer.RoundTripAsync(local);
        }
        finally
        {
            // The frozen sessions were replaced; end them (they may already be gone, so the result is not checked).
            foreach (var pid in frozen)
            {
                await Support.ChildProcess.RunAsync("kill", "-s", "KILL", pid.ToString(CultureInfo.InvariantCulture));
            }
        }

        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();
        Assert.Equal(1, code);
        Assert.Contains("ssh exited with error status 255; restarting ssh", _scratch.LogMessages());
    }

    [RequiresSshdFact]
    public async Task EchoMonitor_EchoServiceGoesAway_PortDownAndSshRestarted()
    {
        // E1/E2: -M port:echo_port probes the server's echo service; when it stops answering, ssh is restarted.
        var echo = new EchoServer();
        var monitor = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?>
        {
            ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_DEBUG"] = "1", ["AUTOSSH_GATETIME"] = "0",
            ["AUTOSSH_FIRST_POLL"] = "1", ["AUTOSSH_POLL"] = "2",
        };
        await using var run = AutosshRun.Start(_scratch.Dir, environment, ["-M", $"{monitor}:{echo.Port}", "-N", .. fixture.Destination()]);
        try
        {
            await _scratch.WaitForLogAsync("connection ok");
        }
        finally
        {
            await echo.DisposeAsync();
        }

        await _scratch.WaitForLogAsync("port down, restarting ssh");
        await _scratch.WaitForLogAsync("starting ssh (count 2)");
        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("received signal to exit (15)", _scratch.LogMessages());
    }

    [RequiresSshdFact(privateLoopback: true)]
    public async Task Seed1_LoopMonitor_ProbeAnswersTrafficFlowsAndSurvivesASessionKill()
    {
        var monitor = AutosshSupervisorTests.FreePair();
        var local = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?>
        {
            ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_DEBUG"] = "1", ["AUTOSSH_FIRST_POLL"] = "1", ["AUTOSSH_GATETIME"] = "0",
        };
        // The user's -L goes to the server's end of the monitor loop (its -R), which the drop-in's listener echoes.
        string[] seed = ["-M", $"{monitor}", "-L", $"{local}:localhost:{monitor}", "-C", "-N", "-T"];
        await using var run = AutosshRun.Start(_scratch.Dir, environment, [.. seed, .. fixture.Destination("-o", fixture.PrivateLoopbackProxy())]);
        await _scratch.WaitForLogAsync("connection ok");
        await EchoServer.RoundTripAsync(local);

        await KillDescendantsAsync(SshPid(1));
        await _scratch.WaitForLogAsync("starting ssh (count 2)");
        await AutosshScratch.WaitUntilAsync(() => _scratch.LogMessages().Count(m => m == "connection ok") == 2, "second probe answer");
        await EchoServer.RoundTripAsync(local);
        await run.SignalAsync("TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.False(AutosshRun.IsAlive(SshPid(2)));
    }

    [RequiresSshdFact]
    public async Task Seed3_Background_DetachesTrafficFlowsAndStopsOnTerm()
    {
        await using var echo = new EchoServer();
        var local = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?> { ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_PIDFILE"] = _scratch.PidFile };
        string[] seed =
        [
            "-f", "-M", "0", "-N", "-o", "ServerAliveInterval 10", "-o", "ServerAliveCountMax 3", "-o", "ExitOnForwardFailure=yes",
            "-L", $"{local}:localhost:{echo.Port}",
        ];
        var daemon = 0;
        try
        {
            await using (var parent = AutosshRun.Start(_scratch.Dir, environment, [.. seed, .. fixture.Destination()]))
            {
                Assert.Equal(0, (await parent.WaitForExitAsync()).ExitCode);
            }

            await AutosshScratch.WaitUntilAsync(() => File.Exists(_scratch.PidFile) && File.ReadAllText(_scratch.PidFile).EndsWith('\n'), "pid file");
            daemon = int.Parse(File.ReadAllText(_scratch.PidFile), CultureInfo.InvariantCulture);
            await EchoServer.RoundTripAsync(local);
            Assert.True(AutosshRun.IsAlive(daemon));

            await AutosshRun.SignalAsync(daemon, "TERM");

            await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(daemon) && !File.Exists(_scratch.PidFile), "daemon exit and pid file removal");
            Assert.False(AutosshRun.IsAlive(SshPid(1)));
        }
        finally
        {
            if (daemon > 0 && AutosshRun.IsAlive(daemon))
            {
                await AutosshRun.SignalAsync(daemon, "KILL");
            }
        }
    }

    [RequiresSshdFact(privateLoopback: true)]
    public async Task Seed4_DebugLogFileBackgroundVerbose_LogsDebugAndSshWritesItsOwnLog()
    {
        var monitor = AutosshSupervisorTests.FreePair();
        var sshLog = Path.Combine(_scratch.Dir, "ssh.log");
        var environment = new Dictionary<string, string?>
        {
            ["AUTOSSH_DEBUG"] = "1", ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_PIDFILE"] = _scratch.PidFile, ["AUTOSSH_FIRST_POLL"] = "1",
        };
        string[] seed = ["-f", "-M", $"{monitor}", "-v", "-E", sshLog, "-N"];
        var daemon = 0;
        try
        {
            await using (var parent = AutosshRun.Start(_scratch.Dir, environment, [.. seed, .. fixture.Destination("-o", fixture.PrivateLoopbackProxy())]))
            {
                var (code, stdout, stderr) = await parent.WaitForExitAsync();
                Assert.Equal((0, string.Empty, string.Empty), (code, stdout, stderr));
            }

            await _scratch.WaitForLogAsync("connection ok");
            daemon = int.Parse(File.ReadAllText(_scratch.PidFile), CultureInfo.InvariantCulture);
            Assert.Contains(File.ReadAllLines(sshLog), line => line.StartsWith("debug1: ", StringComparison.Ordinal));

            await AutosshRun.SignalAsync(daemon, "TERM");

            await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(daemon) && !File.Exists(_scratch.PidFile), "daemon exit and pid file removal");
        }
        finally
        {
            if (daemon > 0 && AutosshRun.IsAlive(daemon))
            {
                await AutosshRun.SignalAsync(daemon, "KILL");
            }
        }
    }

    [RequiresSshdFact]
    public async Task RealSsh_TermToTheSshChildOfAnNTunnel_ExitsZeroAsSshExitsZero()
    {
        var environment = new Dictionary<string, string?> { ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_GATETIME"] = "0" };
        // ssh runs LocalCommand once it is connected (a first sign of life; the handler check below is the real gate).
        var connected = Path.Combine(_scratch.Dir, "connected");
        string[] marker = ["-o", "PermitLocalCommand=yes", "-o", $"LocalCommand=touch {connected}"];
        await using var run = AutosshRun.Start(_scratch.Dir, environment, ["-M", "0", "-N", .. marker, .. fixture.Destination()]);
        await AutosshScratch.WaitUntilAsync(() => File.Exists(connected), "ssh connected");
        // LocalCommand runs before ssh's client loop installs its SIGTERM handler; a TERM in between kills ssh by the
        // signal (a restart, not exit 0). Wait until the kernel shows the handler (SigCgt in /proc/PID/status).
        await AutosshScratch.WaitUntilAsync(() => CatchesSigterm(SshPid(1)), "ssh's SIGTERM handler");

        await AutosshRun.SignalAsync(SshPid(1), "TERM");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(0, code);
        Assert.Equal("ssh exited with status 0; autossh exiting", _scratch.LogMessages()[^1]);
    }

    [RequiresSshdFact]
    public async Task RealSsh_ConnectionRefusedWithinDefaultGate_ExitsOnePrematurely()
    {
        var refused = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?> { ["AUTOSSH_LOGFILE"] = _scratch.LogFile };

        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", "0", "-N", "-p", $"{refused}", "127.0.0.1");
        var (code, _, stderr) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains("ssh exited prematurely with status 255; autossh exiting", _scratch.LogMessages());
        Assert.Contains("Connection refused", stderr, StringComparison.Ordinal);
    }

    [RequiresSshdFact]
    public async Task RealSsh_BusyLocalForwardWithExitOnForwardFailure_GateZeroMaxStartTwo_TwoLaunchesExitZero()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var environment = new Dictionary<string, string?>
        {
            ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_GATETIME"] = "0", ["AUTOSSH_MAXSTART"] = "2",
        };

        await using var run = AutosshRun.Start(
            _scratch.Dir, environment, ["-M", "0", "-o", "ExitOnForwardFailure=yes", "-L", $"127.0.0.1:{port}:127.0.0.1:22", "-N", .. fixture.Destination()]);
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(0, code);
        Assert.Equal(2, _scratch.LogMessages().Count(m => m == "ssh exited with error status 255; restarting ssh"));
        Assert.Equal("max start count reached; exiting", _scratch.LogMessages()[^1]);
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>The pid of the <paramref name="count"/>-th ssh, from the drop-in's log.</summary>
    private static bool CatchesSigterm(int pid)
    {
        var status = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
            .FirstOrDefault(line => line.StartsWith("SigCgt:", StringComparison.Ordinal));
        const ulong sigterm = 1UL << (15 - 1);
        return status is not null && (ulong.Parse(status["SigCgt:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & sigterm) != 0;
    }

    private int SshPid(int count) => _scratch.LogMessages()
        .Where(m => m.StartsWith("ssh child pid is ", StringComparison.Ordinal))
        .Select(m => int.Parse(m["ssh child pid is ".Length..], CultureInfo.InvariantCulture))
        .ElementAt(count - 1);

    private static async Task KillDescendantsAsync(int pid)
    {
        foreach (var child in ProcStat.ChildrenOf(pid))
        {
            await KillDescendantsAsync(child);
            await AutosshRun.SignalAsync(child, "KILL");
        }
    }
}
