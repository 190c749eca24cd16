using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>When the real drop-in writes AUTOSSH_PIDFILE: after the loop monitor's bind, never before a failed one, and
/// left behind by SIGKILL (autossh.md §6.2, spec §8 E5 and F2).</summary>
public sealed class AutosshPidFileRunTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task PidFile_ReturnPortBusy_IsNeverWritten()
    {
        var port = AutosshSupervisorTests.FreePair();
        using var busy = new TcpListener(IPAddress.Loopback, port + 1);
        busy.Start();
        using var creations = new FileCreations(_scratch.Dir);
        var environment = _scratch.FakeEnvironment(more: ("AUTOSSH_PIDFILE", "autossh.pid"));

        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", port.ToString(CultureInfo.InvariantCulture), "-N", "host");
        var (code, _, _) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Contains(_scratch.LogMessages(), m => m.StartsWith($"bind on 127.0.0.1:{port + 1}: ", StringComparison.Ordinal));
        Assert.DoesNotContain("autossh.pid", await creations.SettleAsync());
    }

    [Fact]
    public async Task PidFile_LoopMonitorBound_IsWrittenWithTheSupervisorsPid()
    {
        var port = AutosshSupervisorTests.FreePair();
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", port.ToString(CultureInfo.InvariantCulture), "-N", "host");

        await AutosshScratch.WaitUntilAsync(
            () => _scratch.LogMessages().Any(m => m.StartsWith("ssh child pid is ", StringComparison.Ordinal)), "ssh start");

        // Written before the start is logged, as autossh writes it before "starting ssh".
        Assert.Equal($"{run.Pid.ToString(CultureInfo.InvariantCulture)}\n", File.ReadAllText(_scratch.PidFile));
        await run.SignalAsync("TERM");
        Assert.Equal(1, (await run.WaitForExitAsync()).ExitCode);
        Assert.False(File.Exists(_scratch.PidFile));
    }

    [Fact]
    public async Task PidFile_SupervisorKilled_IsLeftBehindWithItsPid()
    {
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", "0", "-N", "host");
        try
        {
            await AutosshScratch.WaitUntilAsync(() => File.Exists(_scratch.PidFile) && File.ReadAllText(_scratch.PidFile).EndsWith('\n'), "pid file");

            await run.SignalAsync("KILL");
            var (code, _, _) = await run.WaitForExitAsync();

            Assert.Equal(137, code);
            Assert.Equal($"{run.Pid.ToString(CultureInfo.InvariantCulture)}\n", File.ReadAllText(_scratch.PidFile));
        }
        finally
        {
            // The fake ssh outlives a killed drop-in (its state directory goes with the scratch directory).
            foreach (var pid in ScratchProcesses.Live(_scratch).Where(pid => pid != run.Pid))
            {
                await AutosshRun.SignalAsync(pid, "KILL");
            }
        }
    }

    public void Dispose() => _scratch.Dispose();
}
