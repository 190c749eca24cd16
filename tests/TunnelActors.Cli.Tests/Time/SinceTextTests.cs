using TunnelActors.Cli.Time;

namespace TunnelActors.Cli.Tests.Time;

public sealed class SinceTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryParse_Duration_CountsBackFromNow()
    {
        Assert.True(SinceText.TryParse("1h30m", Now, out var since));
        Assert.Equal(Now.AddMinutes(-90), since);
    }

    [Fact]
    public void TryParse_IsoTime_IsTakenAsIs()
    {
        Assert.True(SinceText.TryParse("2026-11-21T08:00:00Z", Now, out var since));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), since);
    }

    [Fact]
    public void TryParse_Garbage_IsRejected() => Assert.False(SinceText.TryParse("a while", Now, out _));

    [Fact]
    public void TryParse_HugeDuration_ClampsToTheBeginningOfTime()
    {
        Assert.True(SinceText.TryParse("9000000d", Now, out var since));
        Assert.Equal(DateTimeOffset.MinValue, since);
    }
}
