using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class DeciderTests
{
    [Fact]
    public void From_PairsCheckedInOrder_FirstMatchIncludingSubclassWins()
    {
        var decider = Decider.From(
            Directive.Escalate,
            new KeyValuePair<Type, Directive>(typeof(ArgumentException), Directive.Resume),
            new KeyValuePair<Type, Directive>(typeof(ArgumentNullException), Directive.Stop));

        Assert.Equal(Directive.Resume, decider(new ArgumentNullException("x")));
        Assert.Equal(Directive.Escalate, decider(new InvalidOperationException()));
    }

    [Fact]
    public void Always_ReturnsDirective() => Assert.Equal(Directive.Resume, Decider.Always(Directive.Resume)(new InvalidOperationException()));
}
