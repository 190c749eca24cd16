using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary><c>-f</c>: the parent exits only once the detached supervisor is ready (pid file written, first ssh started) or
/// with its start-up error (spec §8 A5, E5 and §7 item 28; DEVIATIONS.md row 31).</summary>
public sealed class AutosshDetachTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task Background_RunningSsh_ParentExitsZeroOnlyOnceThePidFileAndSshExist()
    {
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        int? daemon = null;
        try
        {
            int parentPid;
            (int Code, string Stdout, string Stderr) parentExit;
            await using (var parent = AutosshRun.Start(_scratch.Dir, environment, "-f", "-M", "0", "-N", "host"))
            {
                parentPid = parent.Pid;
                parentExit = await parent.WaitForExitAsync();
            }

            // No waiting from here on: all of it was true when the parent exited.
            Assert.Equal((0, string.Empty, string.Empty), parentExit);
            Assert.True(File.Exists(_scratch.PidFile), "no pid file when the parent exited");
            var content = File.ReadAllText(_scratch.PidFile);
            daemon = int.Parse(content, CultureInfo.InvariantCulture);
            Assert.Equal($"{daemon.Value.ToString(CultureInfo.InvariantCulture)}\n", content);
            Assert.NotEqual(parentPid, daemon.Value);
            var ssh = SshChildPid();
            Assert.True(AutosshRun.IsAlive(ssh), "the first ssh is not running");
            Assert.Equal(daemon.Value, ScratchProcesses.ParentOf(ssh));
            Assert.Equal("/", new DirectoryInfo($"/proc/{daemon}/cwd").LinkTarget);
            Assert.All(["0", "1", "2"], fd => Assert.Equal("/dev/null", new FileInfo($"/proc/{daemon}/fd/{fd}").LinkTarget));

            await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Contains(ssh), "the fake ssh's own record");
            Assert.DoesNotContain("[-f]", _scratch.Lines("argv"));

            await AutosshRun.SignalAsync(daemon.Value, "TERM");

            await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(daemon.Value), "detached supervisor exit");
            await AutosshScratch.WaitUntilAsync(() => !File.Exists(_scratch.PidFile), "pid file removal");
            Assert.False(AutosshRun.IsAlive(ssh));
            Assert.Contains("received signal to exit (15)", _scratch.LogMessages());
        }
        finally
        {
            await KillLeftoversAsync(daemon);
        }
    }

    [Fact]
    public async Task Background_ReturnPortBusy_ParentExitsOneWithTheBindErrorAndLeavesNothing()
    {
        var port = AutosshSupervisorTests.FreePair();
        using var busy = new TcpListener(IPAddress.Loopback, port + 1);
        busy.Start();
        using var creations = new FileCreations(_scratch.Dir);
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        try
        {
            var (code, _, stderr) = await RunAsync(environment, "-f", "-M", port.ToString(CultureInfo.InvariantCulture), "-N", "host");

            Assert.Equal(1, code);
            Assert.StartsWith($"autossh: bind on 127.0.0.1:{(port + 1).ToString(CultureInfo.InvariantCulture)}: ", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            await AutosshScratch.WaitUntilAsync(() => ScratchProcesses.Live(_scratch).Count == 0, "no daemon left");
            Assert.Empty(_scratch.Starts);
            Assert.DoesNotContain("autossh.pid", await creations.SettleAsync());
        }
        finally
        {
            await KillLeftoversAsync(null);
        }
    }

    [Fact]
    public async Task Background_MissingSshProgram_ParentExitsOneNamingThePath()
    {
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_PATH", "/nonexistent"), ("AUTOSSH_PIDFILE", "autossh.pid")]);
        try
        {
            var (code, _, stderr) = await RunAsync(environment, "-f", "-M", "0", "-N", "host");

            Assert.Equal(1, code);
            Assert.StartsWith("autossh: /nonexistent: ", stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(_scratch.PidFile));
            await AutosshScratch.WaitUntilAsync(() => ScratchProcesses.Live(_scratch).Count == 0, "no daemon left");
        }
        finally
        {
            await KillLeftoversAsync(null);
        }
    }

    [Fact]
    public async Task Background_MaxStartZero_ParentExitsZeroAndNoPidFileIsEverWritten()
    {
        using var creations = new FileCreations(_scratch.Dir);
        var environment = _scratch.FakeEnvironment("run", [("AUTOSSH_MAXSTART", "0"), ("AUTOSSH_PIDFILE", "autossh.pid")]);
        try
        {
            var (code, _, stderr) = await RunAsync(environment, "-f", "-M", "0", "-N", "host");

            Assert.Equal((0, string.Empty), (code, stderr));
            await AutosshScratch.WaitUntilAsync(() => ScratchProcesses.Live(_scratch).Count == 0, "no daemon left");
            Assert.Empty(_scratch.Starts);
            Assert.Contains("max start count reached; exiting", _scratch.LogMessages());
            Assert.DoesNotContain("autossh.pid", await creations.SettleAsync());
        }
        finally
        {
            await KillLeftoversAsync(null);
        }
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>The pid of the first ssh, from the drop-in's <c>ssh child pid is N</c> log line.</summary>
    private int SshChildPid()
    {
        const string Prefix = "ssh child pid is ";
        var line = _scratch.LogMessages().FirstOrDefault(m => m.StartsWith(Prefix, StringComparison.Ordinal));
        Assert.True(line is not null, "no ssh started when the parent exited");
        return int.Parse(line[Prefix.Length..], CultureInfo.InvariantCulture);
    }

    private async Task<(int, string, string)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, args);
        return await run.WaitForExitAsync();
    }

    private async Task KillLeftoversAsync(int? daemon)
    {
        foreach (var pid in ScratchProcesses.Live(_scratch).Concat(daemon is { } d ? [d] : []).Distinct().Where(AutosshRun.IsAlive))
        {
            await AutosshRun.SignalAsync(pid, "KILL");
        }
    }
}
