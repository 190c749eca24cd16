namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>Spec §8 D1/D2 against the drop-in: launch times of an ssh that keeps failing at once, and the reset after a
/// run that lived long enough. The drop-in spaces launches with the tunnel's backoff instead of autossh's grace time
/// (DEVIATIONS.md row 27): immediate, then 1 s doubling up to POLL; a run of at least min_time resets it.</summary>
public sealed class AutosshBackoffAcceptanceTests : IDisposable
{
    /// <summary>Launch times within this much after the expected time pass (spec §8: timings allow ±1 s; never early).</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task FastFailures_Exit255GateZero_LaunchesAtZeroZeroOneThreeSeven()
    {
        // D1 (autossh: 0, 0, 0, 0, 0, 0, 2, 10, 28 s): the drop-in waits 0, 1, 2, 4 s between launches.
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_MAXSTART", "5"), ("FAKE_RC", "255")]);

        var (code, _, _) = await RunAsync(environment);

        Assert.Equal(0, code);
        AssertLaunchTimes([0, 0, 1, 3, 7]);
    }

    [Fact]
    public async Task LongRun_AfterFastFailures_ResetsTheBackoffSoTheNextLaunchIsImmediate()
    {
        // D2: min_time is max(10 s, POLL/10), 10 s at POLL=30; the third ssh lives 11 s, so the fourth starts at once
        // (the first failure after a stable run restarts immediately, row 27) and the fifth after 1 s.
        File.WriteAllLines(Path.Combine(_scratch.Dir, "plan"), ["0 255", "0 255", "11 255", "0 255", "0 255"]);
        var environment = _scratch.FakeEnvironment("plan", ("AUTOSSH_GATETIME", "0"), ("AUTOSSH_MAXSTART", "5"), ("AUTOSSH_POLL", "30"));

        var (code, _, _) = await RunAsync(environment);

        Assert.Equal(0, code);
        // 0, 0, +1 s backoff = 1, lived 11 s = 12, reset: 12, then 1 s backoff = 13.
        AssertLaunchTimes([0, 0, 1, 12, 13]);
    }

    public void Dispose() => _scratch.Dispose();

    private void AssertLaunchTimes(double[] expectedSeconds)
    {
        var actual = _scratch.StartOffsets;
        var shown = string.Join(", ", actual.Select(t => t.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(actual.Count == expectedSeconds.Length, $"launch times {shown}");
        for (var i = 0; i < expectedSeconds.Length; i++)
        {
            var expected = TimeSpan.FromSeconds(expectedSeconds[i]);
            // 50 ms of scheduling may make a launch look early when the first start itself was late.
            Assert.True(actual[i] >= expected - TimeSpan.FromMilliseconds(50) && actual[i] <= expected + Slack, $"launch {i + 1}: launch times {shown}, expected {string.Join(", ", expectedSeconds)}");
        }
    }

    private async Task<(int, string, string)> RunAsync(IReadOnlyDictionary<string, string?> environment)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", "0", "-N", "host");
        return await run.WaitForExitAsync();
    }
}
