using System.Collections.Immutable;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Core.Tests.Ssh;

/// <summary>The real process layer, driven with the fake ssh program.</summary>
public sealed class SshProcessTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ta-proc-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Start_FakeExits_ExitCodeTimesAndStderrTail()
    {
        var time = new ManualTimeProvider();
        var factory = new SshProcessFactory(time);

        await using var ssh = factory.Start(Request(("FAKE_SSH_EXIT", "255"), ("FAKE_SSH_STDERR", "first\nConnection to 127.0.0.1 closed by remote host.")));
        var exit = await ssh.Exited.WaitAsync(Safety);

        Assert.Equal(255, exit.ExitCode);
        Assert.Null(exit.Signal);
        Assert.False(exit.StopRequested);
        Assert.Equal(time.GetUtcNow(), exit.StartedAt);
        Assert.Equal<string>(["first", "Connection to 127.0.0.1 closed by remote host."], exit.StderrTail);
        Assert.Equal(FailureReason.ClosedByRemote, FailureClassifier.Classify(exit));
    }

    [Fact]
    public async Task Start_PassesArgvUnchanged()
    {
        var argvFile = Path.Combine(_dir, "argv");
        Directory.CreateDirectory(_dir);
        var command = SshCommand.Create(FakeSshProgram.Path, ["-N", "-o", "ProxyCommand=nc %h %p; echo 'x y'", "", "host"]);

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(
            new SshStartRequest("t", 1, command, ImmutableDictionary<string, string>.Empty.Add("FAKE_SSH_ARGV_FILE", argvFile)));
        await ssh.Exited.WaitAsync(Safety);

        var lines = await File.ReadAllLinesAsync(argvFile);
        Assert.Equal($"=== pid {ssh.Pid}", lines[0]);
        Assert.Equal<string>(["-N", "-o", "ProxyCommand=nc %h %p; echo 'x y'", "", "host"], lines[1..]);
    }

    [Fact]
    public async Task Start_KillsItself_SignalRecorded()
    {
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(Request(("FAKE_SSH_MODE", "signal"), ("FAKE_SSH_SIGNAL", "9")));

        var exit = await ssh.Exited.WaitAsync(Safety);

        Assert.Equal(9, exit.Signal);
        Assert.Null(exit.ExitCode);
        Assert.Equal(FailureReason.KilledBySignal, FailureClassifier.Classify(exit));
    }

    [Fact]
    public async Task Start_OwnSession_ProcessGroupIsItsPid()
    {
        var ready = Path.Combine(_dir, "ready");
        Directory.CreateDirectory(_dir);
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(Request(("FAKE_SSH_MODE", "hang"), ("FAKE_SSH_READY_FILE", ready)));
        await WaitForFileAsync(ready);

        var stat = ProcStat.TryRead(ssh.Pid);

        Assert.NotNull(stat);
        Assert.Equal(ssh.Pid, stat.ProcessGroup);
        Assert.Equal(Environment.ProcessId, stat.ParentPid);
    }

    [Fact]
    public async Task StopAsync_HonoursSigterm_ExitsWithinGraceAndMarksStopRequested()
    {
        var ready = Path.Combine(_dir, "ready");
        Directory.CreateDirectory(_dir);
        var time = new ManualTimeProvider();
        await using var ssh = new SshProcessFactory(time).Start(Request(("FAKE_SSH_MODE", "hang"), ("FAKE_SSH_READY_FILE", ready)));
        await WaitForFileAsync(ready);

        var exit = await ssh.StopAsync(TimeSpan.FromSeconds(5)).WaitAsync(Safety);

        Assert.Equal(0, exit.ExitCode);
        Assert.True(exit.StopRequested);
        Assert.Equal(FailureReason.Stopped, FailureClassifier.Classify(exit));
    }

    [Fact]
    public async Task StopAsync_IgnoresSigterm_KilledWhenGraceEndsOnVirtualClock()
    {
        var ready = Path.Combine(_dir, "ready");
        Directory.CreateDirectory(_dir);
        var time = new ManualTimeProvider();
        await using var ssh = new SshProcessFactory(time).Start(Request(("FAKE_SSH_MODE", "ignore-term"), ("FAKE_SSH_READY_FILE", ready)));
        await WaitForFileAsync(ready);

        var stop = ssh.StopAsync(TimeSpan.FromSeconds(5));
        await time.WaitForArmedAsync(timeout: Safety);
        Assert.False(ssh.Exited.IsCompleted, "SIGTERM is ignored, so only the grace timer can end it");
        time.Advance(TimeSpan.FromSeconds(5));
        var exit = await stop.WaitAsync(Safety);

        Assert.Equal((int)UnixSignal.Kill, exit.Signal);
        Assert.True(exit.StopRequested);
    }

    [Fact]
    public async Task StopAsync_StoppedProcess_ContinuedSoSigtermWorks()
    {
        var ready = Path.Combine(_dir, "ready");
        Directory.CreateDirectory(_dir);
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(Request(("FAKE_SSH_MODE", "hang"), ("FAKE_SSH_READY_FILE", ready), ("FAKE_SSH_TERM_EXIT", "0")));
        await WaitForFileAsync(ready);
        Assert.True(ssh.Signal(UnixSignal.Stop));

        var exit = await ssh.StopAsync(TimeSpan.FromSeconds(30)).WaitAsync(Safety);

        Assert.Equal(0, exit.ExitCode);
    }

    [Fact]
    public async Task Start_MissingProgram_AlreadyExitedWithStartError()
    {
        var command = SshCommand.Create("/nonexistent/ssh", ["-N", "h"]);

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("t", 1, command));
        var exit = await ssh.Exited;

        Assert.NotNull(exit.StartError);
        Assert.Equal(FailureReason.ExecFailed, FailureClassifier.Classify(exit));
        Assert.False(ssh.Signal(UnixSignal.Term));
    }

    [Fact]
    public async Task Start_WithRegistry_RecordsWhileRunningAndForgetsOnExit()
    {
        var ready = Path.Combine(_dir, "ready");
        Directory.CreateDirectory(_dir);
        var registry = PidRegistry.InStateDir(_dir);
        await using var ssh = new SshProcessFactory(TimeProvider.System, registry).Start(Request(("FAKE_SSH_MODE", "hang"), ("FAKE_SSH_READY_FILE", ready)));
        await WaitForFileAsync(ready);

        var whileRunning = registry.Read("t");
        var stat = ProcStat.TryRead(ssh.Pid);
        await ssh.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(Safety);

        var entry = Assert.Single(whileRunning);
        Assert.Equal(ssh.Pid, entry.Pid);
        Assert.Equal(stat!.StartTime, entry.StartTime);
        Assert.Equal(1, entry.Incarnation);
        Assert.Empty(registry.Read("t"));
    }

    [Fact]
    public async Task Start_StderrCallback_SeesLinesAsTheyArrive()
    {
        var lines = new List<string>();

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(
            Request(("FAKE_SSH_STDERR", "Warning: remote port forwarding failed for listen port 80")) with { OnStderrLine = l => { lock (lines) { lines.Add(l); } } });
        await ssh.Exited.WaitAsync(Safety);

        lock (lines)
        {
            Assert.Equal<string>(["Warning: remote port forwarding failed for listen port 80"], lines);
        }
    }

    [Fact]
    public async Task Start_StdoutCallback_SeesLinesWhichStayOutOfTheStderrTail()
    {
        var lines = new List<string>();

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(
            Request(("FAKE_SSH_STDOUT", "hello\nConnection refused"), ("FAKE_SSH_STDERR", "from stderr"))
                with { OnStdoutLine = l => { lock (lines) { lines.Add(l); } } });
        var exit = await ssh.Exited.WaitAsync(Safety);

        lock (lines)
        {
            Assert.Equal<string>(["hello", "Connection refused"], lines);
        }

        Assert.Equal<string>(["from stderr"], exit.StderrTail);
        Assert.Equal(FailureReason.CleanExit, FailureClassifier.Classify(exit));
    }

    [Fact]
    public async Task Start_ServiceManagerVariablesInOurEnvironment_NotInheritedBySsh()
    {
        // systemd's notify and watchdog variables are the daemon's: an ssh holding them could speak for it.
        Directory.CreateDirectory(_dir);
        var ready = Path.Combine(_dir, "ready");
        string[] variables = ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"];
        foreach (var variable in variables)
        {
            Environment.SetEnvironmentVariable(variable, "from-the-service-manager");
        }

        string environ;
        try
        {
            await using var ssh = new SshProcessFactory(TimeProvider.System).Start(Request(("FAKE_SSH_MODE", "hang"), ("FAKE_SSH_READY_FILE", ready)));
            await Eventually.TrueAsync(() => File.Exists(ready), "the fake ssh started");
            environ = await File.ReadAllTextAsync($"/proc/{ssh.Pid}/environ");
            await ssh.StopAsync(Safety);
        }
        finally
        {
            foreach (var variable in variables)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }
        }

        var names = environ.Split('\0').Select(entry => entry.Split('=')[0]).ToHashSet();
        Assert.Contains("FAKE_SSH_MODE", names);
        Assert.All(variables, variable => Assert.DoesNotContain(variable, names));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static SshStartRequest Request(params (string Key, string Value)[] environment) =>
        new("t", 1, SshCommand.Create(FakeSshProgram.Path, ["-N", "host"]), environment.ToImmutableDictionary(e => e.Key, e => e.Value));

    private static async Task WaitForFileAsync(string path)
    {
        using var cts = new CancellationTokenSource(Safety);
        while (!File.Exists(path))
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
