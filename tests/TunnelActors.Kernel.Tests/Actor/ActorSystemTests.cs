using System.Collections.Concurrent;
using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Event;
using TunnelActors.Kernel.Tests.Support;
using TunnelActors.TestKit;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class ActorSystemTests : TestKit.TestKit
{
    [Fact]
    public void ActorOf_TellMessage_ActorRepliesToSender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        echo.Tell("hello", TestActor);

        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ActorOf_Path_IsUnderUserGuardian()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        Assert.Equal("akka://test/user/echo", echo.Path.ToString());
    }

    [Fact]
    public async Task Terminate_TreeOfActors_AllPostStopsRunBeforeWhenTerminated()
    {
        var stopped = new ConcurrentQueue<string>();
        var parent = Sys.ActorOf(FunActor.Props(
            (a, m) => a.Context.ActorOf(FunActor.Props((_, _) => { }, postStop: c => stopped.Enqueue("child-" + m)), (string)m),
            postStop: _ => stopped.Enqueue("parent")), "parent");
        parent.Tell("a", TestActor);
        parent.Tell("b", TestActor);
        await AwaitIdleAsync();

        await Sys.Terminate().WaitAsync(DefaultTimeout);

        Assert.Equal(3, stopped.Count);
        Assert.Equal("parent", stopped.Last());
    }

    [Fact]
    public void Tell_StoppedActor_PublishesDeadLetterWithSender()
    {
        var deadLetters = SubscribeProbe<DeadLetter>();
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        echo.Tell("late", TestActor);

        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("late", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(echo, letter.Recipient);
    }

    [Fact]
    public async Task ActorOf_AfterTermination_Throws()
    {
        await Sys.Terminate();

        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "late"));
    }

    [Fact]
    public async Task Create_WithTimeProvider_SchedulerAndSettingsUseIt()
    {
        var clock = new TunnelActors.TestKit.Time.ManualTimeProvider();
        await using var system = ActorSystem.Create("other", clock);

        Assert.Same(clock, system.TimeProvider);
        Assert.Equal(clock.GetUtcNow(), system.Scheduler.Now);
        Assert.Equal("other", system.Name);
    }
}
