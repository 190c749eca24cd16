using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Event;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class FuturesTests : TestKit.TestKit
{
    [Fact]
    public async Task Ask_ReplyOfExpectedType_Completes()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        var reply = await echo.Ask<string>("hi", TimeSpan.FromSeconds(3));

        Assert.Equal("hi", reply);
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutOnVirtualClockWithAkkaMessage()
    {
        var silent = Sys.ActorOf(FunActor.Props((_, _) => { }), "silent");
        var task = silent.Ask<string>("hi", TimeSpan.FromSeconds(2));
        await WaitForTimersAsync();

        Clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(task.IsCompleted);
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Equal("Timeout after 2.00 seconds", ex.Message);
    }

    [Fact]
    public async Task Ask_NoTimeoutGiven_UsesFiniteDefaultFromSettings()
    {
        var silent = Sys.ActorOf(FunActor.Props((_, _) => { }), "silent");
        var task = silent.Ask<string>("hi");
        await WaitForTimersAsync();

        Clock.Advance(Sys.Settings.AskTimeout);

        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Equal("Timeout after 10.00 seconds", ex.Message);
    }

    [Fact]
    public async Task Ask_StatusFailureReply_FailsWithCause()
    {
        var failing = Sys.ActorOf(FunActor.Props((a, _) => a.Sender.Tell(new Status.Failure(new TimeoutException("nope")), a.Self)), "f");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => failing.Ask<string>("hi", TimeSpan.FromSeconds(3)));

        Assert.Equal("nope", ex.Message);
    }

    [Fact]
    public async Task Ask_ReplyOfWrongType_FailsWithArgumentException()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(3)));

        Assert.Equal("Received message of type [System.Int32] - Ask expected message of type [System.String]", ex.Message);
    }

    [Fact]
    public async Task Ask_SecondReply_GoesToDeadLetters()
    {
        var deadLetters = SubscribeProbe<DeadLetter>();
        var twice = Sys.ActorOf(FunActor.Props((a, m) =>
        {
            a.Sender.Tell("first", a.Self);
            a.Sender.Tell("second", a.Self);
        }), "twice");

        Assert.Equal("first", await twice.Ask<string>("hi", TimeSpan.FromSeconds(3)));

        Assert.Equal("second", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public async Task Ask_TokenCancelled_TaskCancelled()
    {
        var silent = Sys.ActorOf(FunActor.Props((_, _) => { }), "silent");
        using var cts = new CancellationTokenSource();
        var task = silent.Ask<string>("hi", TimeSpan.FromSeconds(3), cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}
