using System.Globalization;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>A drop-in killed by SIGKILL leaves its ssh running and its state directory behind; the next start of the same
/// command ends that ssh, anything else is left alone (AutosshOrphanSweep, DEVIATIONS.md row 34, spec §7 items 19, 27).</summary>
public sealed class AutosshOrphanSweepTests : IDisposable
{
    private static readonly string[] Command = ["-M", "0", "-N", "-L", "5000:localhost:5000", "host"];
    private readonly AutosshScratch _scratch = new();
    private readonly StateDirectories _states;

    public AutosshOrphanSweepTests() => _states = new StateDirectories(_scratch);

    [Fact]
    public async Task Sweep_SameCommandAfterSigkill_KillsTheOrphanBeforeTheNewSshStarts()
    {
        var environment = _scratch.FakeEnvironment("run");
        try
        {
            var (killed, orphan) = await StartAndSigkillAsync(environment, Command);
            Assert.True(AutosshRun.IsAlive(orphan), "the ssh of a SIGKILLed drop-in should survive it (the problem solved here)");
            Assert.True(Directory.Exists(_states.Of(killed)));

            await using var next = AutosshRun.Start(_scratch.Dir, environment, Command);
            var ssh = await SshChildPidAsync(next.Pid);

            Assert.False(AutosshRun.IsAlive(orphan), "the orphan still runs");
            Assert.True(AutosshRun.IsAlive(ssh), "the new ssh does not run");
            Assert.False(Directory.Exists(_states.Of(killed)), "the killed run's directory is left");
            var messages = MessagesOf(next.Pid);
            var reaped = messages.IndexOf(Invariant($"killed orphaned ssh {orphan} of a previous autossh ({killed})"));
            Assert.True(reaped >= 0, $"no kill logged in: {string.Join(" | ", messages)}");
            Assert.True(reaped < messages.IndexOf("starting ssh (count 1)"), "the kill was logged after the new start");
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    [Fact]
    public async Task Sweep_DifferentCommand_LeavesTheOrphanAndItsDirectory()
    {
        var environment = _scratch.FakeEnvironment("run");
        var debug = _scratch.FakeEnvironment("run", ("AUTOSSH_LOGLEVEL", "7"));
        try
        {
            var (killed, orphan) = await StartAndSigkillAsync(environment, Command);

            await using var next = AutosshRun.Start(_scratch.Dir, debug, ["-M", "0", "-N", "-L", "5000:localhost:5000", "other"]);
            await SshChildPidAsync(next.Pid);

            Assert.True(AutosshRun.IsAlive(orphan), "another command's orphan was killed");
            Assert.True(Directory.Exists(_states.Of(killed)), "the only record of that orphan was deleted");
            Assert.Contains(Invariant($"leaving ssh {orphan} of a previous autossh ({killed}) alone: it runs another command"), MessagesOf(next.Pid));
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    [Fact]
    public async Task Sweep_BackgroundRunsOfTheSameCommand_KillTheDetachedRunsOrphan()
    {
        // The detached child's marker variables and its parent's directory must not make the two runs differ.
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        string[] background = ["-f", .. Command];
        try
        {
            var daemon = await StartDetachedAsync(environment, background);
            var orphan = await SshChildPidAsync(daemon);
            await AutosshRun.SignalAsync(daemon, "KILL");
            await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(daemon), "the detached run's death");
            Assert.True(AutosshRun.IsAlive(orphan), "the detached run's ssh should survive it");

            var next = await StartDetachedAsync(environment, background);
            await SshChildPidAsync(next);

            Assert.False(AutosshRun.IsAlive(orphan), "the orphan still runs");
            Assert.Contains(Invariant($"killed orphaned ssh {orphan} of a previous autossh ({daemon})"), MessagesOf(next));
            Assert.False(Directory.Exists(_states.Of(daemon)));
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    [Fact]
    public async Task Sweep_StaleDirectoryWithoutLiveSsh_IsRemovedAndAReusedPidIsNotSignalled()
    {
        var environment = _scratch.FakeEnvironment("run");
        var reused = _states.StartSleeper();
        var withIdentity = _states.Make(
            await StateDirectories.DeadPidAsync(),
            _states.Identity(environment, Command),
            StateDirectories.Entry(reused, startTimeOffset: 1));
        var olderVersion = _states.Make(await StateDirectories.DeadPidAsync(), null);
        try
        {
            await using var run = AutosshRun.Start(_scratch.Dir, environment, Command);
            await SshChildPidAsync(run.Pid);

            Assert.False(Directory.Exists(withIdentity), "a directory with only dead entries is left");
            Assert.False(Directory.Exists(olderVersion), "an empty directory without an identity is left");
            Assert.True(AutosshRun.IsAlive(reused), "a process with a recorded pid but another start time was signalled");
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    [Fact]
    public async Task Sweep_LiveRunOfTheSameCommand_IsNotTouched()
    {
        var environment = _scratch.FakeEnvironment("run");
        try
        {
            await using var first = AutosshRun.Start(_scratch.Dir, environment, Command);
            var firstSsh = await SshChildPidAsync(first.Pid);

            await using var second = AutosshRun.Start(_scratch.Dir, environment, Command);
            await SshChildPidAsync(second.Pid);

            Assert.True(AutosshRun.IsAlive(firstSsh), "a live run's ssh was killed");
            Assert.False(first.HasExited);
            Assert.True(Directory.Exists(_states.Of(first.Pid)), "a live run's directory was deleted");
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    [Fact]
    public async Task Sweep_DeadPidButIdentityFileLocked_IsNotTouched()
    {
        // The owner lives where its pid cannot be seen (another pid namespace sharing the directory): its lock says so.
        var environment = _scratch.FakeEnvironment("run");
        var registered = _states.StartSleeper();
        var directory = _states.Make(
            await StateDirectories.DeadPidAsync(), _states.Identity(environment, Command), StateDirectories.Entry(registered));
        using var locked = new FileStream(Path.Combine(directory, "invocation.json"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        try
        {
            await using var run = AutosshRun.Start(_scratch.Dir, environment, Command);
            await SshChildPidAsync(run.Pid);

            Assert.True(AutosshRun.IsAlive(registered), "the locked directory's ssh was killed");
            Assert.True(Directory.Exists(directory));
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    [RootFact("chown")]
    public async Task Sweep_AnotherUsersDirectory_IsNotTouchedEvenByRoot()
    {
        var environment = _scratch.FakeEnvironment("run");
        var registered = _states.StartSleeper();
        var directory = _states.Make(
            await StateDirectories.DeadPidAsync(), _states.Identity(environment, Command), StateDirectories.Entry(registered));
        var (code, _, error) = await ChildProcess.RunAsync("chown", "-R", "65534:65534", directory);
        Assert.True(code == 0, error);
        try
        {
            await using var run = AutosshRun.Start(_scratch.Dir, environment, Command);
            await SshChildPidAsync(run.Pid);

            Assert.True(AutosshRun.IsAlive(registered), "another user's registered process was killed");
            Assert.True(Directory.Exists(directory));
        }
        finally
        {
            await KillLeftoversAsync();
        }
    }

    public void Dispose()
    {
        _states.Dispose();
        _scratch.Dispose();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts a drop-in, waits until its ssh runs, SIGKILLs it; returns its pid and its ssh's.</summary>
    private async Task<(int Killed, int Orphan)> StartAndSigkillAsync(IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, args);
        // Logged after the ssh is in the pid registry.
        var ssh = await SshChildPidAsync(run.Pid);
        await run.SignalAsync("KILL");
        Assert.Equal(137, (await run.WaitForExitAsync()).ExitCode);
        return (run.Pid, ssh);
    }

    /// <summary>Runs <c>-f</c> to the parent's exit 0 and returns the detached run's pid (from its pid file).</summary>
    private async Task<int> StartDetachedAsync(IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        await using var parent = AutosshRun.Start(_scratch.Dir, environment, args);
        var (code, _, stderr) = await parent.WaitForExitAsync();
        Assert.True(code == 0, stderr);
        return int.Parse(File.ReadAllText(_scratch.PidFile), CultureInfo.InvariantCulture);
    }

    /// <summary>The log messages of the drop-in with <paramref name="pid"/> (the log file is shared by the runs).</summary>
    private List<string> MessagesOf(int pid)
    {
        var prefix = Invariant($"autossh[{pid}]: ");
        return _scratch.Lines("autossh.log")
            .Select(line => line.IndexOf(prefix, StringComparison.Ordinal) is var at and >= 0 ? line[(at + prefix.Length)..] : null)
            .OfType<string>()
            .ToList();
    }

    /// <summary>Waits for <c>ssh child pid is N</c> from the drop-in with <paramref name="pid"/> and returns N.</summary>
    private async Task<int> SshChildPidAsync(int pid)
    {
        const string Prefix = "ssh child pid is ";
        string? line = null;
        await AutosshScratch.WaitUntilAsync(
            () => (line = MessagesOf(pid).FirstOrDefault(m => m.StartsWith(Prefix, StringComparison.Ordinal))) is not null,
            $"the ssh start of drop-in {pid}");
        return int.Parse(line![Prefix.Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Kills every process of this scratch directory still running: drop-ins, detached runs, orphans.</summary>
    private async Task KillLeftoversAsync()
    {
        foreach (var pid in ScratchProcesses.Live(_scratch).Where(AutosshRun.IsAlive))
        {
            await AutosshRun.SignalAsync(pid, "KILL");
        }
    }
}
