using System.Globalization;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>Which TCP ports the built drop-in listens on while ssh runs (spec §8 A3, §1.5: only the loop monitor
/// listens, on 127.0.0.1:p+1; echo mode and <c>-M 0</c> open no listening socket).</summary>
public sealed class AutosshMonitorListenerAcceptanceTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Theory]
    [InlineData("0", false)]    // A3
    [InlineData("{p}:7", false)] // §1.5: echo mode binds no port
    [InlineData("{p}", true)]    // loop mode: the comparison that shows the check sees a listener
    public async Task MonitorPort_WhileSshRuns_ListensOnlyInLoopModeOnPPlusOne(string monitor, bool listens)
    {
        var port = AutosshSupervisorTests.FreePair();
        var text = monitor.Replace("{p}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var run = AutosshRun.Start(_scratch.Dir, _scratch.FakeEnvironment("run"), "-M", text, "-N", "host");
        await AutosshScratch.WaitUntilAsync(() => _scratch.Starts.Count == 1, "ssh start");
        await _scratch.WaitForLogAsync($"ssh child pid is {_scratch.Starts[0].ToString(CultureInfo.InvariantCulture)}");

        var ports = ListeningSockets.TcpPorts(run.Pid);

        int[] expected = listens ? [port + 1] : [];
        Assert.Equal(expected, ports);
        await run.SignalAsync("TERM");
        Assert.Equal(1, (await run.WaitForExitAsync()).ExitCode);
    }

    public void Dispose() => _scratch.Dispose();
}
