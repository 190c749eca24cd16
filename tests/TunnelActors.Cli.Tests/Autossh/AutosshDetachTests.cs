using System.Globalization;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary><c>-f</c>: the parent exits 0, the detached supervisor writes the pid file and stops on SIGTERM (spec §8 A5).</summary>
public sealed class AutosshDetachTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task Background_Flag_ParentExitsZeroAndDetachedSupervisorStopsOnTerm()
    {
        var environment = _scratch.FakeEnvironment("run", ("AUTOSSH_PIDFILE", "autossh.pid"));
        int? daemon = null;
        try
        {
            await using (var parent = AutosshRun.Start(_scratch.Dir, environment, "-f", "-M", "0", "-N", "host"))
            {
                var (code, stdout, _) = await parent.WaitForExitAsync();
                Assert.Equal(0, code);
                Assert.Equal(string.Empty, stdout);
                await AutosshScratch.WaitUntilAsync(() => File.Exists(_scratch.PidFile) && File.ReadAllText(_scratch.PidFile).EndsWith('\n'), "pid file");
                daemon = int.Parse(File.ReadAllText(_scratch.PidFile), CultureInfo.InvariantCulture);
                Assert.NotEqual(parent.Pid, daemon.Value);
            }

            await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Count == 1, "ssh start");
            await _scratch.WaitForLogAsync($"ssh child pid is {_scratch.Starts[0].ToString(CultureInfo.InvariantCulture)}");
            Assert.True(AutosshRun.IsAlive(daemon.Value));
            Assert.Equal("/", new DirectoryInfo($"/proc/{daemon}/cwd").LinkTarget);
            Assert.All(["0", "1", "2"], fd => Assert.Equal("/dev/null", new FileInfo($"/proc/{daemon}/fd/{fd}").LinkTarget));
            Assert.DoesNotContain("[-f]", _scratch.Lines("argv"));

            await AutosshRun.SignalAsync(daemon.Value, "TERM");

            await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(daemon.Value), "detached supervisor exit");
            await AutosshScratch.WaitUntilAsync(() => !File.Exists(_scratch.PidFile), "pid file removal");
            Assert.False(AutosshRun.IsAlive(_scratch.Starts[0]));
            Assert.Contains("received signal to exit (15)", _scratch.LogMessages());
        }
        finally
        {
            foreach (var pid in _scratch.Starts.Concat(daemon is { } d ? [d] : []).Where(AutosshRun.IsAlive))
            {
                await AutosshRun.SignalAsync(pid, "KILL");
            }
        }
    }

    public void Dispose() => _scratch.Dispose();
}
