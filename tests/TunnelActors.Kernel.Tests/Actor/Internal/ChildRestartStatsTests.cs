using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Actor.Internal;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class ChildRestartStatsTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ChildRestartStats _stats = new((IInternalActorRef)ActorRefs.Nobody);

    [Theory]
    [InlineData(0, -1)]
    [InlineData(0, 1000)]
    public void RequestRestartPermission_ZeroRetries_AlwaysRefused(int retries, int window) =>
        Assert.False(_stats.RequestRestartPermission(retries, window, _clock));

    [Fact]
    public void RequestRestartPermission_UnlimitedNoWindow_AlwaysGranted() =>
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(_stats.RequestRestartPermission(-1, -1, _clock)));

    [Fact]
    public void RequestRestartPermission_NRetriesNoWindow_LifetimeCount()
    {
        Assert.True(_stats.RequestRestartPermission(2, -1, _clock));
        _clock.Advance(TimeSpan.FromDays(365));
        Assert.True(_stats.RequestRestartPermission(2, -1, _clock));
        _clock.Advance(TimeSpan.FromDays(365));
        Assert.False(_stats.RequestRestartPermission(2, -1, _clock));
    }

    [Fact]
    public void RequestRestartPermission_NRetriesInWindow_RefusedInsideThenNewWindowAfterExpiry()
    {
        Assert.True(_stats.RequestRestartPermission(2, 1000, _clock));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(_stats.RequestRestartPermission(2, 1000, _clock));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(_stats.RequestRestartPermission(2, 1000, _clock));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(_stats.RequestRestartPermission(2, 1000, _clock));
        Assert.True(_stats.RequestRestartPermission(2, 1000, _clock));
        Assert.False(_stats.RequestRestartPermission(2, 1000, _clock));
    }

    [Fact]
    public void RequestRestartPermission_UnlimitedWithWindow_TreatedAsOnePerWindow()
    {
        Assert.True(_stats.RequestRestartPermission(-1, 1000, _clock));
        Assert.False(_stats.RequestRestartPermission(-1, 1000, _clock));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_stats.RequestRestartPermission(-1, 1000, _clock));
    }
}
