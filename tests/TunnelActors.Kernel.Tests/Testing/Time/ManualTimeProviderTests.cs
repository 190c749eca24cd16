using TunnelActors.TestKit.Time;

namespace TunnelActors.Kernel.Tests.Testing.Time;

public sealed class ManualTimeProviderTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriodInOrder()
    {
        var fired = new List<DateTimeOffset>();
        using var timer = _clock.CreateTimer(_ => fired.Add(_clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var start = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal([start.AddSeconds(1), start.AddSeconds(2), start.AddSeconds(3)], fired);
    }

    [Fact]
    public void Dispose_ThenChange_TimerNeverReArms()
    {
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        var rearmed = timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(rearmed);
        Assert.Equal(0, fired);
        Assert.Equal(0, _clock.ArmedCount);
    }

    [Fact]
    public void Dispose_InsideOwnPeriodicCallback_StopsFiring()
    {
        var fired = 0;
        ITimer? timer = null;
        timer = _clock.CreateTimer(_ =>
        {
            fired++;
            timer!.Dispose();
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Advance_TimerArmedByCallbackWithinWindow_AlsoFires()
    {
        var fired = new List<string>();
        using var second = _clock.CreateTimer(_ => fired.Add("second"), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        using var first = _clock.CreateTimer(_ =>
        {
            fired.Add("first");
            second.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["first", "second"], fired);
    }

    [Fact]
    public void AdvanceTo_Past_Throws() =>
        Assert.Throws<InvalidOperationException>(() => _clock.AdvanceTo(_clock.GetUtcNow().AddSeconds(-1)));

    [Fact]
    public async Task WaitForArmedAsync_TimerArmedLater_Completes()
    {
        var wait = _clock.WaitForArmedAsync(1, TimeSpan.FromSeconds(10));
        Assert.False(wait.IsCompleted);

        using var timer = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await wait;
    }
}
