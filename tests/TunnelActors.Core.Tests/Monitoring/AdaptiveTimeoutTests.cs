using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tests.Monitoring;

public sealed class AdaptiveTimeoutTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Fact]
    public void Create_InitialOutsideBounds_Clamped()
    {
        Assert.Equal(Max, AdaptiveTimeout.Create(TimeSpan.FromMinutes(1), Min, Max).Current);
        Assert.Equal(Min, AdaptiveTimeout.Create(TimeSpan.FromMilliseconds(1), Min, Max).Current);
    }

    [Fact]
    public void Observe_FirstSample_SrttPlusTwoRtt()
    {
        // RFC 6298 2.2: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4·RTTVAR = 3R.
        var timeout = AdaptiveTimeout.Create(TimeSpan.FromSeconds(5), Min, Max).Observe(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(900), timeout.Current);
    }

    [Fact]
    public void Observe_SteadyFastLink_ShrinksToMin()
    {
        var timeout = AdaptiveTimeout.Create(TimeSpan.FromSeconds(5), Min, Max);
        for (var i = 0; i < 50; i++)
        {
            timeout = timeout.Observe(TimeSpan.FromMilliseconds(2));
        }

        Assert.Equal(Min, timeout.Current);
    }

    [Fact]
    public void Observe_SlowLink_GrowsButNotPastMax()
    {
        var timeout = AdaptiveTimeout.Create(TimeSpan.FromSeconds(1), Min, Max);
        for (var i = 0; i < 20; i++)
        {
            timeout = timeout.Observe(TimeSpan.FromSeconds(i % 2 == 0 ? 1 : 6));
        }

        Assert.True(timeout.Current > TimeSpan.FromSeconds(3), $"{timeout.Current}");
        Assert.True(timeout.Current <= Max);
    }

    [Fact]
    public void OnTimeout_DoublesUpToMax()
    {
        var timeout = AdaptiveTimeout.Create(TimeSpan.FromSeconds(3), Min, Max);

        Assert.Equal(TimeSpan.FromSeconds(6), timeout.OnTimeout().Current);
        Assert.Equal(Max, timeout.OnTimeout().OnTimeout().Current);
    }

    [Fact]
    public void Create_MinAboveMax_Throws()
    {
        Assert.Throws<ArgumentException>(() => AdaptiveTimeout.Create(TimeSpan.FromSeconds(1), Max, Min));
    }
}
