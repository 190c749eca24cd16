using TunnelActors.Core.Configuration;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Restart;

public sealed class RestartPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BackoffSettings Backoff = TestSettings.Backoff(min: TimeSpan.FromSeconds(1), max: TimeSpan.FromSeconds(60), randomFactor: 0.5, stableAfter: TimeSpan.FromSeconds(30));
    private static readonly LimitsSettings NeverGiveUp = TestSettings.Limits();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(7, 32)]
    [InlineData(8, 60)]
    [InlineData(50, 60)]
    [InlineData(5000, 60)]
    public void Delay_NoJitter_ImmediateThenDoublingUpToMax(int failures, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RestartPolicy.Delay(failures, Backoff, random: 0));
    }

    [Fact]
    public void Delay_WithoutImmediateFirstRestart_StartsAtMin()
    {
        var backoff = Backoff with { ImmediateFirstRestart = false };

        Assert.Equal(TimeSpan.FromSeconds(1), RestartPolicy.Delay(1, backoff, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), RestartPolicy.Delay(2, backoff, 0));
    }

    [Fact]
    public void Delay_ManySeededDraws_StayWithinJitterBounds()
    {
        var random = new Random(12345);
        for (var i = 0; i < 10_000; i++)
        {
            var failures = random.Next(2, 40);
            var draw = random.NextDouble();
            var baseDelay = RestartPolicy.Delay(failures, Backoff, 0);

            var delay = RestartPolicy.Delay(failures, Backoff, draw);

            Assert.InRange(delay, baseDelay, baseDelay * (1 + Backoff.RandomFactor));
            Assert.InRange(delay, TimeSpan.FromSeconds(1), Backoff.Max * (1 + Backoff.RandomFactor));
        }
    }

    [Fact]
    public void Delay_ManySeededDraws_SpreadOverTheJitterRange()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 2000).Select(_ => RestartPolicy.Delay(5, Backoff, random.NextDouble()).TotalSeconds).ToList();

        // Base 8 s, jitter factor 0.5: draws spread over [8, 12).
        Assert.True(delays.Min() < 8.2, $"min {delays.Min()}");
        Assert.True(delays.Max() > 11.8, $"max {delays.Max()}");
        Assert.InRange(delays.Average(), 9.8, 10.2);
    }

    [Fact]
    public void Decide_FailureAfterStableRun_RestartsAtOnceAndResetsCount()
    {
        var input = Input(FailureReason.ClosedByRemote, uptime: TimeSpan.FromMinutes(5), consecutiveFailures: 9);

        var decision = RestartPolicy.Decide(input, Backoff, NeverGiveUp, 0.9);

        Assert.Equal(new RestartDecision.Restart(TimeSpan.Zero, 1), decision);
    }

    [Fact]
    public void Decide_RepeatedQuickFailures_BackOffExponentially()
    {
        var failures = 0;
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var decision = RestartPolicy.Decide(Input(FailureReason.Timeout, TimeSpan.FromSeconds(2), failures, startCount: i + 2), Backoff, NeverGiveUp, 0);
            var restart = Assert.IsType<RestartDecision.Restart>(decision);
            delays.Add(restart.Delay);
            failures = restart.ConsecutiveFailures;
        }

        Assert.Equal([0, 1, 2, 4, 8], delays.Select(d => d.TotalSeconds));
    }

    [Theory]
    [InlineData(FailureReason.AuthFailed)]
    [InlineData(FailureReason.HostKeyChanged)]
    [InlineData(FailureReason.HostKeyUnknown)]
    [InlineData(FailureReason.ExecFailed)]
    public void Decide_PermanentReason_WaitsMaxAtOnce(FailureReason reason)
    {
        var decision = RestartPolicy.Decide(Input(reason, TimeSpan.FromSeconds(1), 0, exitCode: 255), Backoff, NeverGiveUp, 0);

        Assert.Equal(Backoff.Max, Assert.IsType<RestartDecision.Restart>(decision).Delay);
    }

    [Fact]
    public void Decide_RemoteForwardRefused_WaitsAtLeastClientAliveWindow()
    {
        var input = Input(FailureReason.RemoteForwardRefused, TimeSpan.FromMinutes(10), 0) with { RemoteForwardWait = TimeSpan.FromSeconds(45) };

        var decision = RestartPolicy.Decide(input, Backoff, NeverGiveUp, 0);

        Assert.Equal(TimeSpan.FromSeconds(45), Assert.IsType<RestartDecision.Restart>(decision).Delay);
    }

    public static TheoryData<string, FailureReason, int?, int, int, LimitsSettings, RestartDecision> AutosshTable => new()
    {
        // autossh.md §4.1 decision table (G = gate 30 s; "within gate" = lived <= G).
        { "exit 255, first run within gate", FailureReason.Timeout, 255, 10, 1, Gate30, new RestartDecision.GiveUp(GiveUpReason.StartupFailure) },
        { "exit 0, first run within gate", FailureReason.CleanExit, 0, 10, 1, Gate30, new RestartDecision.GiveUp(GiveUpReason.StartupFailure) },
        { "exit 255, first run after gate", FailureReason.ClosedByRemote, 255, 40, 1, Gate30, new RestartDecision.Restart(TimeSpan.Zero, 1) },
        { "exit 1, first run after gate", FailureReason.Unknown, 1, 40, 1, Gate30, new RestartDecision.GiveUp(GiveUpReason.FirstRunError) },
        { "exit 1, first run, gate 0", FailureReason.Unknown, 1, 10, 1, TestSettings.Limits(), new RestartDecision.Restart(TimeSpan.Zero, 1) },
        { "exit 2, later run", FailureReason.Unknown, 2, 10, 3, Gate30, new RestartDecision.Restart(TimeSpan.Zero, 1) },
        { "exit 3, later run", FailureReason.Unknown, 3, 100, 3, Gate30, new RestartDecision.GiveUp(GiveUpReason.ExitStatus) },
        { "exit 0, later run", FailureReason.CleanExit, 0, 100, 3, Gate30, RestartDecision.DontRestart.Instance },
        { "exit 0, restart on clean exit", FailureReason.CleanExit, 0, 100, 3, TestSettings.Limits(restartOnCleanExit: true), new RestartDecision.Restart(TimeSpan.Zero, 1) },
        { "signal, first run within gate", FailureReason.KilledBySignal, null, 1, 1, Gate30, new RestartDecision.Restart(TimeSpan.Zero, 1) },
        { "probe failure, first run within gate", FailureReason.ProbeTimeout, 0, 5, 1, Gate30, new RestartDecision.Restart(TimeSpan.Zero, 1) },
        { "stopped on purpose", FailureReason.Stopped, 0, 5, 2, TestSettings.Limits(), RestartDecision.DontRestart.Instance },
        { "max starts reached", FailureReason.Timeout, 255, 5, 3, TestSettings.Limits(maxStarts: 3), new RestartDecision.GiveUp(GiveUpReason.MaxStartsReached) },
        { "below max starts", FailureReason.Timeout, 255, 5, 2, TestSettings.Limits(maxStarts: 3), new RestartDecision.Restart(TimeSpan.Zero, 1) },
    };

    private static LimitsSettings Gate30 => TestSettings.Limits(gateTime: TimeSpan.FromSeconds(30));

    [Theory]
    [MemberData(nameof(AutosshTable))]
    public void Decide_AutosshDecisionTable(string scenario, FailureReason reason, int? exitCode, int uptimeSeconds, int startCount, LimitsSettings limits, RestartDecision expected)
    {
        var input = Input(reason, TimeSpan.FromSeconds(uptimeSeconds), 0, startCount, exitCode);

        var decision = RestartPolicy.Decide(input, Backoff with { StableAfter = TimeSpan.FromHours(1) }, limits, 0);

        Assert.True(expected == decision, $"{scenario}: expected {expected}, got {decision}");
    }

    [Fact]
    public void Decide_NextStartWouldPassLifetime_GivesUp()
    {
        var limits = TestSettings.Limits(maxLifetime: TimeSpan.FromSeconds(100));
        var input = Input(FailureReason.Timeout, TimeSpan.FromSeconds(2), consecutiveFailures: 6, startCount: 7) with
        {
            TunnelStartedAt = T0.AddSeconds(-70), // lifetime ends 30 s after this exit; the backoff is 32 s
        };

        var decision = RestartPolicy.Decide(input, Backoff, limits, 0);

        Assert.Equal(new RestartDecision.GiveUp(GiveUpReason.LifetimeExceeded), decision);
    }

    [Fact]
    public void MayStart_MaxStartsZero_NeverStarts()
    {
        Assert.False(RestartPolicy.MayStart(0, TestSettings.Limits(maxStarts: 0)));
        Assert.True(RestartPolicy.MayStart(0, TestSettings.Limits()));
        Assert.True(RestartPolicy.MayStart(2, TestSettings.Limits(maxStarts: 3)));
    }

    [Fact]
    public void LifetimeLeft_CountsDownAndStopsAtZero()
    {
        var limits = TestSettings.Limits(maxLifetime: TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(4), RestartPolicy.LifetimeLeft(T0, T0.AddSeconds(6), limits));
        Assert.Equal(TimeSpan.Zero, RestartPolicy.LifetimeLeft(T0, T0.AddSeconds(60), limits));
        Assert.Null(RestartPolicy.LifetimeLeft(T0, T0, TestSettings.Limits()));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Delay_RandomOutsideUnitInterval_Throws(double random)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestartPolicy.Delay(3, Backoff, random));
    }

    private static RestartInput Input(FailureReason reason, TimeSpan uptime, int consecutiveFailures, int startCount = 2, int? exitCode = 255) =>
        new(reason, exitCode, T0 - uptime, T0, startCount, consecutiveFailures, T0.AddHours(-1), TimeSpan.Zero);
}
