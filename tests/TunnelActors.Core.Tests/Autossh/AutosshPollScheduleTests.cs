using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Test timing of autossh.md §2/§3 (E1, E4, B11).</summary>
public sealed class AutosshPollScheduleTests
{
    private static readonly AutosshEnvironment E1 = AutosshEnvironment.Default with { PollSeconds = 6, FirstPollSeconds = 2 };

    [Theory]
    [InlineData(true, null, 2)]     // E1: first test 2 s after each ssh start
    [InlineData(false, null, 6)]    // then every 6 s
    [InlineData(false, 4.0, 4)]     // capped by the lifetime left
    [InlineData(true, 10.0, 2)]
    [InlineData(false, -1.0, 0)]    // overshoot: stop now
    public void NextTestDelay_Situation_GivesWait(bool first, double? lifetimeLeft, double seconds)
    {
        var delay = AutosshPollSchedule.NextTestDelay(first, E1, lifetimeLeft is { } l ? TimeSpan.FromSeconds(l) : null);

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Theory]
    [InlineData(null, 1_000_000, false)]
    [InlineData(5, 4.9, false)]
    [InlineData(5, 5.0, true)]       // B11: exit 0 at about 5 s
    [InlineData(5, 7.0, true)]
    public void LifetimeExceeded_Elapsed_ComparesWithLifetime(int? lifetime, double elapsed, bool exceeded) =>
        Assert.Equal(exceeded, AutosshPollSchedule.LifetimeExceeded(lifetime is { } l ? TimeSpan.FromSeconds(l) : null, TimeSpan.FromSeconds(elapsed)));

    [Fact]
    public void LifetimeLeft_NoLifetime_IsNull() => Assert.Null(AutosshPollSchedule.LifetimeLeft(null, TimeSpan.FromHours(1)));
}
