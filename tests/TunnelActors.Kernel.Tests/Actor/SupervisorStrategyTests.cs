using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class SupervisorStrategyTests
{
    public static TheoryData<Exception, Directive> DefaultDeciderCases() => new()
    {
        { new ActorInitializationException("init"), Directive.Stop },
        { new PostRestartException("post"), Directive.Stop },
        { new ActorKilledException("Kill"), Directive.Stop },
        { new DeathPactException("pact"), Directive.Stop },
        { new InvalidOperationException("other"), Directive.Restart },
        { new TimeoutException("other"), Directive.Restart },
    };

    [Theory]
    [MemberData(nameof(DefaultDeciderCases))]
    public void DefaultDecider_MapsLikeAkka(Exception cause, Directive expected) =>
        Assert.Equal(expected, SupervisorStrategy.DefaultDecider(cause));

    [Fact]
    public void DefaultStrategy_IsOneForOneUnlimited()
    {
        var strategy = Assert.IsType<OneForOneStrategy>(SupervisorStrategy.DefaultStrategy);

        Assert.Equal(-1, strategy.MaxNumberOfRetries);
        Assert.Equal(-1, strategy.WithinTimeRangeMilliseconds);
    }

    [Fact]
    public void StoppingStrategy_StopsOnAnyException() =>
        Assert.Equal(Directive.Stop, SupervisorStrategy.StoppingStrategy.Decider(new InvalidOperationException()));

    [Fact]
    public void DirectiveEnum_DeclaredInAkkaOrder() =>
        Assert.Equal([Directive.Resume, Directive.Restart, Directive.Escalate, Directive.Stop], Enum.GetValues<Directive>());
}
