using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Pattern;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Pattern;

public sealed class BackoffOptionsTests
{
    private static readonly Props Child = Props.Create<EchoActor>();

    [Fact]
    public void WithSupervisorStrategy_AfterOnStopWithRetries_ReplacesRetriesWithStrategysOwn()
    {
        var options = Backoff.OnStop(Child, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0, maxNrOfRetries: 5)
            .WithSupervisorStrategy(new OneForOneStrategy(SupervisorStrategy.DefaultDecider));

        Assert.Equal(-1, options.Strategy.MaxNumberOfRetries);
        Assert.Equal(5, options.WithMaxNrOfRetries(5).Strategy.MaxNumberOfRetries);
    }

    [Fact]
    public void WithDefaultStoppingStrategy_KeepsRetriesDropsWindowStopsOnAnyException()
    {
        var options = Backoff.OnStop(Child, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0)
            .WithSupervisorStrategy(new OneForOneStrategy(3, TimeSpan.FromMinutes(1), SupervisorStrategy.DefaultDecider))
            .WithDefaultStoppingStrategy();

        Assert.Equal(3, options.Strategy.MaxNumberOfRetries);
        Assert.Equal(-1, options.Strategy.WithinTimeRangeMilliseconds);
        Assert.Equal(Directive.Stop, options.Strategy.Decider(new InvalidOperationException()));
    }

    [Fact]
    public void Defaults_AutoResetOverMinBackoffAndDefaultDecider()
    {
        var options = Backoff.OnFailure(Child, "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), 0.1);

        Assert.Equal(new AutoReset(TimeSpan.FromSeconds(2)), options.EffectiveReset);
        Assert.Equal(Directive.Restart, options.Strategy.Decider(new InvalidOperationException()));
        Assert.Equal(-1, options.Strategy.MaxNumberOfRetries);
        Assert.Null(options.ReplyWhileStopped);
        Assert.Equal(BackoffKind.OnFailure, options.Kind);
    }

    [Fact]
    public void With_ReturnsNewInstance_OriginalUnchanged()
    {
        var original = Backoff.OnStop(Child, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 0);

        var changed = original.WithManualReset().WithReplyWhileStopped("down");

        Assert.IsType<AutoReset>(original.EffectiveReset);
        Assert.Null(original.ReplyWhileStopped);
        Assert.Same(ManualReset.Instance, changed.EffectiveReset);
        Assert.Equal("down", changed.ReplyWhileStopped);
    }

    [Theory]
    [InlineData(0, 5, 0.0, "MinBackoff must be greater than 0")]
    [InlineData(2, 1, 0.0, "MaxBackoff must be greater than MinBackoff")]
    [InlineData(1, 5, 1.5, "RandomFactor must be between 0.0 and 1.0")]
    [InlineData(1, 5, -0.1, "RandomFactor must be between 0.0 and 1.0")]
    public void Props_InvalidOptions_ThrowsWithAkkaMessage(int minSeconds, int maxSeconds, double randomFactor, string message)
    {
        var options = Backoff.OnStop(Child, "c", TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds), randomFactor);

        var ex = Assert.Throws<ArgumentException>(() => options.Props);

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }
}
