using System.Diagnostics;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The echo monitor (<c>-M p:echo_port</c>) of the built drop-in against a real sshd, whose echo service on
/// 127.0.0.1 answers wrongly or not at all (spec §8 E3, §3).</summary>
/// <remarks>Our probe line differs from autossh's and a test is one attempt of the net timeout, not two on the same
/// connection (DEVIATIONS row 28), so these tests assert the restart and its timing, not autossh's two probe copies.</remarks>
public sealed class AutosshEchoMonitorAcceptanceTests(SshdFixture fixture) : IClassFixture<SshdFixture>, IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [RequiresSshdFact]
    public async Task EchoMonitor_ServiceStartsMangling_NextTestFailsOnTheAnswerAndSshIsRestarted()
    {
        await using var echo = new EchoServer();
        await using var run = Start(echo, firstPoll: 1, poll: 6);
        var answered = await WaitForFirstAnswerAsync(echo);

        echo.Mode = EchoMode.Mangle;
        var (failed, portDown) = await WaitForPortDownAsync(echo, answered);

        // The next test comes POLL after the answered one and fails on the wrong answer, long before the net timeout.
        Assert.Contains("short poll time: adjusting net timeouts to 3000", _scratch.LogMessages());
        AssertNextTestAfterPoll(answered, failed, poll: 6);
        var detection = Stopwatch.GetElapsedTime(failed.Timestamp, portDown);
        Assert.True(detection < TimeSpan.FromSeconds(3), $"a mangled answer took {detection} to fail the test (net timeout 3 s)");
        await StopAsync(run);
    }

    [RequiresSshdFact]
    public async Task EchoMonitor_ServiceGoesSilent_TestTimesOutAfterTheNetTimeoutAndSshIsRestarted()
    {
        await using var echo = new EchoServer();
        await using var run = Start(echo, firstPoll: 1, poll: 6);
        var answered = await WaitForFirstAnswerAsync(echo);

        echo.Mode = EchoMode.Silent;
        var (silent, portDown) = await WaitForPortDownAsync(echo, answered);

        // One attempt of the net timeout (POLL / 2 = 3 s); autossh makes two, 2 × 3 s (DEVIATIONS row 28).
        Assert.Contains("short poll time: adjusting net timeouts to 3000", _scratch.LogMessages());
        AssertNextTestAfterPoll(answered, silent, poll: 6);
        var detection = Stopwatch.GetElapsedTime(silent.Timestamp, portDown);
        Assert.InRange(detection, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
        await StopAsync(run);
    }

    [RequiresSshdFact]
    public async Task EchoMonitor_ManglingFromTheStart_RetriedUntilTheFirstAnswerDeadlineThenSshIsRestarted()
    {
        // E3 as written mangles from the first test, where autossh restarts at once. Before an incarnation's first answer
        // the drop-in retries once a second until FIRST_POLL + 2 × net timeout + 10 s, then restarts (DEVIATIONS row 28):
        // here 1 + 2 × 1 + 10 = 13 s.
        await using var echo = new EchoServer { Mode = EchoMode.Mangle };
        await using var run = Start(echo, firstPoll: 1, poll: 2);
        await _scratch.WaitForLogAsync("starting ssh (count 1)");
        var started = Stopwatch.GetTimestamp();

        await _scratch.WaitForLogAsync("port down, restarting ssh");
        var portDown = Stopwatch.GetTimestamp();

        Assert.InRange(Stopwatch.GetElapsedTime(started, portDown), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(18));
        Assert.DoesNotContain("connection ok", _scratch.LogMessages());
        Assert.True(echo.Arrivals.Count >= 3, $"{echo.Arrivals.Count} tests reached the echo service before the restart");
        await StopAsync(run);
    }

    public void Dispose() => _scratch.Dispose();

    private static void AssertNextTestAfterPoll(EchoArrival previous, EchoArrival next, int poll) =>
        Assert.InRange(Stopwatch.GetElapsedTime(previous.Timestamp, next.Timestamp), TimeSpan.FromSeconds(poll - 0.5), TimeSpan.FromSeconds(poll + 3));

    private AutosshRun Start(EchoServer echo, int firstPoll, int poll)
    {
        var monitor = Core.Monitoring.LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?>
        {
            ["AUTOSSH_LOGFILE"] = _scratch.LogFile, ["AUTOSSH_DEBUG"] = "1", ["AUTOSSH_GATETIME"] = "0",
            ["AUTOSSH_FIRST_POLL"] = $"{firstPoll}", ["AUTOSSH_POLL"] = $"{poll}",
        };
        return AutosshRun.Start(_scratch.Dir, environment, ["-M", $"{monitor}:{echo.Port}", "-N", .. fixture.Destination()]);
    }

    /// <summary>Waits for the first answered test and returns its arrival at the echo service.</summary>
    private async Task<EchoArrival> WaitForFirstAnswerAsync(EchoServer echo)
    {
        await _scratch.WaitForLogAsync("connection ok");
        // The next test is POLL away: the last arrival is the answered one.
        return echo.Arrivals[^1];
    }

    /// <summary>Waits for <c>port down</c> and returns the test that failed (the first after <paramref name="answered"/>)
    /// and when the message was seen.</summary>
    private async Task<(EchoArrival Failed, long PortDown)> WaitForPortDownAsync(EchoServer echo, EchoArrival answered)
    {
        await _scratch.WaitForLogAsync("port down, restarting ssh");
        var portDown = Stopwatch.GetTimestamp();
        var failed = echo.Arrivals.SkipWhile(a => a != answered).Skip(1).First();
        await _scratch.WaitForLogAsync("starting ssh (count 2)");
        return (failed, portDown);
    }

    private static async Task StopAsync(AutosshRun run)
    {
        await run.SignalAsync("TERM");
        Assert.Equal(1, (await run.WaitForExitAsync()).ExitCode);
    }
}
