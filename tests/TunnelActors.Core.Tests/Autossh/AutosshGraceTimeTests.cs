using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>autossh's grace-time backoff (autossh.md §5, acceptance D1/D2).</summary>
public sealed class AutosshGraceTimeTests
{
    /// <summary>§5's table: the sleep for t = 1, 2, 3, ... until the cap, per POLL.</summary>
    public static TheoryData<int, int[]> SleepTable() => new()
    {
        { 600, [2, 8, 18, 32, 50, 72, 98, 128, 162, 200, 241, 288, 338, 392, 450, 512, 578, 600, 600] },
        { 300, [1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 120, 144, 169, 196, 225, 256, 289, 300, 300] },
        { 60, [0, 0, 1, 3, 5, 7, 9, 12, 16, 20, 24, 28, 33, 39, 45, 51, 57, 60, 60] },
        { 30, [0, 0, 0, 1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 19, 22, 25, 28, 30, 30] },
    };

    [Theory]
    [MemberData(nameof(SleepTable))]
    public void Delay_TriesAboveFive_FollowsSpecTable(int poll, int[] seconds)
    {
        var actual = seconds.Select((_, i) => (int)AutosshGraceTime.Delay(AutosshGraceTime.FastTries + 1 + i, poll).TotalSeconds);

        Assert.Equal(seconds, actual);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Delay_FastTries_IsZero(int tries) => Assert.Equal(TimeSpan.Zero, AutosshGraceTime.Delay(tries, 600));

    [Theory]
    [InlineData(600, 60)]
    [InlineData(300, 30)]
    [InlineData(60, 10)]
    [InlineData(30, 10)]
    [InlineData(109, 10)]
    [InlineData(119, 11)]
    public void MinTime_Poll_IsTenthButAtLeastTenSeconds(int poll, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AutosshGraceTime.MinTime(poll));

    [Fact]
    public void Step_D1ImmediateFailures_LaunchAtZeroZeroZeroZeroZeroZeroTwoTenTwentyEight()
    {
        // D1: FAKE exits 255 at once, G=0, MAXSTART=9, default POLL.
        var tries = 0;
        TimeSpan? sinceLastStart = null;
        var clock = TimeSpan.Zero;
        var launches = new List<double>();
        for (var launch = 0; launch < 9; launch++)
        {
            var (next, delay) = AutosshGraceTime.Step(tries, sinceLastStart, 600);
            tries = next;
            clock += delay;
            launches.Add(clock.TotalSeconds);
            sinceLastStart = TimeSpan.Zero; // the child dies at once
        }

        Assert.Equal([0, 0, 0, 0, 0, 0, 2, 10, 28], launches);
        Assert.Equal(8, tries);
    }

    [Fact]
    public void Step_ChildLivedMinTime_ResetsTriesAndStartsAtOnce()
    {
        // D2: the 7th child lives >= 60 s at POLL 600, so the next relaunch is immediate.
        var (tries, delay) = AutosshGraceTime.Step(6, TimeSpan.FromSeconds(60), 600);

        Assert.Equal(0, tries);
        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Fact]
    public void Step_ChildJustShortOfMinTime_CountsAsFastFailure()
    {
        var (tries, delay) = AutosshGraceTime.Step(5, TimeSpan.FromSeconds(59.9), 600);

        Assert.Equal(6, tries);
        Assert.Equal(TimeSpan.FromSeconds(2), delay);
    }
}
