using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Event;
using TunnelActors.Kernel.Pattern;
using TunnelActors.Kernel.Tests.Support;
using TunnelActors.TestKit;

namespace TunnelActors.Kernel.Tests.Pattern;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);

    public static TheoryData<int, TimeSpan, TimeSpan, TimeSpan> DelayTable() => new()
    {
        { 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero },
        { 0, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(5) },
        { 2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) },
        { 2, TimeSpan.FromSeconds(5), TimeSpan.FromDays(7), TimeSpan.FromSeconds(20) },
        { 29, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10) },
        { 29, TimeSpan.FromDays(10000), TimeSpan.FromDays(10000), TimeSpan.FromDays(10000) },
        { int.MaxValue, TimeSpan.FromDays(10000), TimeSpan.FromDays(10000), TimeSpan.FromDays(10000) },
    };

    [Theory]
    [MemberData(nameof(DelayTable))]
    public void CalculateDelay_UpstreamTableWithoutJitter(int restartCount, TimeSpan min, TimeSpan max, TimeSpan expected) =>
        Assert.Equal(expected, BackoffSupervisor.CalculateDelay(restartCount, min, max, 0.0));

    [Fact]
    public void CalculateDelay_DocsExample_3_6_12_24_30_30() =>
        Assert.Equal(
            new[] { 3, 6, 12, 24, 30, 30 }.Select(s => TimeSpan.FromSeconds(s)),
            Enumerable.Range(0, 6).Select(k => BackoffSupervisor.CalculateDelay(k, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), 0.0)));

    [Fact]
    public void CalculateDelay_OverflowingProduct_FallsBackToMaxBackoff() =>
        Assert.Equal(TimeSpan.MaxValue, BackoffSupervisor.CalculateDelay(10, TimeSpan.MaxValue, TimeSpan.MaxValue, 1.0, 0.999));

    [Fact]
    public void CalculateDelay_SeededDraws_WithinCappedJitterBounds()
    {
        var random = new Random(1234);
        for (var i = 0; i < 10_000; i++)
        {
            var k = random.Next(0, 12);
            var expectedBase = TimeSpan.FromTicks(Math.Min(Max.Ticks, Min.Ticks << k));

            var delay = BackoffSupervisor.CalculateDelay(k, Min, Max, 0.2, random.NextDouble());

            Assert.InRange(delay, expectedBase, expectedBase * 1.2);
        }
    }

    [Fact]
    public async Task OnStop_ChildStopsRepeatedly_EachNewChildWaitsTheExponentialDelay()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");

        foreach (var ms in new[] { 100, 200, 400, 800, 1000, 1000 })
        {
            supervisor.Tell("stop", TestActor);
            ExpectMsg("stopped");
            await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(ms - 1));
            await AdvanceAsync(TimeSpan.FromMilliseconds(1));
            ExpectMsg("started");
        }
    }

    [Fact]
    public async Task OnStop_InjectedRandomSource_JitterAppliedAfterCap()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.2).WithRandomSource(() => 0.5);
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");

        supervisor.Tell("stop", TestActor);

        ExpectMsg("stopped");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(109));
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
    }

    [Fact]
    public async Task OnStop_RestartCountAndCurrentChild_TrackTerminationsAndGaps()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");
        var probe = CreateTestProbe();

        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await AwaitIdleAsync();
        probe.Send(supervisor, BackoffSupervisor.GetCurrentChild.Instance);
        Assert.Null(probe.ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
        probe.Send(supervisor, BackoffSupervisor.GetRestartCount.Instance);
        Assert.Equal(1, probe.ExpectMsg<BackoffSupervisor.RestartCount>().Count);

        await AdvanceAsync(Min);
        ExpectMsg("started");
        probe.Send(supervisor, BackoffSupervisor.GetCurrentChild.Instance);
        Assert.Equal("child", probe.ExpectMsg<BackoffSupervisor.CurrentChild>().Ref?.Path.Name);
        probe.Send(supervisor, BackoffSupervisor.GetRestartCount.Instance);
        Assert.Equal(1, probe.ExpectMsg<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public async Task OnStop_MaxNrOfRetries2_ThirdStopTerminatesSupervisor()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0, maxNrOfRetries: 2).Props, "sup");
        ExpectMsg("started");
        var watcher = CreateTestProbe();
        watcher.Watch(supervisor);

        // Exact delays only: a child that survived minBackoff would reset the count (default AutoReset(minBackoff)).
        foreach (var ms in new[] { 100, 200 })
        {
            supervisor.Tell("stop", TestActor);
            ExpectMsg("stopped");
            await AdvanceAsync(TimeSpan.FromMilliseconds(ms));
            ExpectMsg("started");
        }

        supervisor.Tell("stop", TestActor);

        ExpectMsg("stopped");
        watcher.ExpectTerminated(supervisor);
        await ExpectNoMsgAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task OnStop_NegativeMaxNrOfRetries_IsUnlimited()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0, maxNrOfRetries: -2).Props, "sup");
        ExpectMsg("started");

        for (var i = 0; i < 5; i++)
        {
            supervisor.Tell("stop", TestActor);
            ExpectMsg("stopped");
            await AdvanceAsync(Max);
            ExpectMsg("started");
        }
    }

    [Fact]
    public async Task AutoReset_ChildSurvivesResetWindow_NextRestartUsesMinBackoffAgain()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, TimeSpan.FromSeconds(10), 0.0).WithAutoReset(TimeSpan.FromSeconds(1));
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        for (var i = 0; i < 3; i++)
        {
            supervisor.Tell("stop", TestActor);
            ExpectMsg("stopped");
            await AdvanceAsync(TimeSpan.FromMilliseconds(400));
            ExpectMsg("started");
        }

        await AdvanceAsync(TimeSpan.FromSeconds(1));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(0, ExpectMsg<BackoffSupervisor.RestartCount>().Count);

        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await ExpectNoMsgAsync(Min - TimeSpan.FromMilliseconds(1));
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
    }

    [Fact]
    public async Task DefaultAutoReset_ChildSurvivesMinBackoff_CountBackToZero()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");
        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await AdvanceAsync(Min);
        ExpectMsg("started");

        await AdvanceAsync(Min);

        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(0, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public async Task ManualReset_CountStaysUntilChildSendsReset()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).WithManualReset();
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await AdvanceAsync(Min);
        ExpectMsg("started");

        await AdvanceAsync(TimeSpan.FromHours(1));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<BackoffSupervisor.RestartCount>().Count);

        supervisor.Tell("reset", TestActor);
        await AwaitIdleAsync();
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(0, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public void AutoReset_ResetMessage_IsUnhandled()
    {
        var unhandled = SubscribeProbe<UnhandledMessage>();
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");

        supervisor.Tell(BackoffSupervisor.Reset.Instance, TestActor);

        Assert.Same(BackoffSupervisor.Reset.Instance, unhandled.ExpectMsg<UnhandledMessage>().Message);
        TestActor.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task ChildDown_Message_GoesToDeadLettersWithSenderKept()
    {
        var deadLetters = SubscribeProbe<DeadLetter>();
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");
        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await AwaitIdleAsync();

        supervisor.Tell("while-down", TestActor);

        var letter = deadLetters.FishForMessage<DeadLetter>(d => d.Message is "while-down");
        Assert.Equal(TestActor, letter.Sender);
    }

    [Fact]
    public async Task ChildDown_ReplyWhileStopped_RepliedToSender()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).WithReplyWhileStopped("child-down");
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await AwaitIdleAsync();
        var probe = CreateTestProbe();

        probe.Send(supervisor, "while-down");

        probe.ExpectMsg("child-down");
        Assert.Equal(supervisor, probe.LastSender);
    }

    [Fact]
    public void ChildAlive_MessageFromOther_ForwardedWithSenderKept()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");
        var probe = CreateTestProbe();

        probe.Send(supervisor, "echo-me");

        probe.ExpectMsg("echo-me");
        Assert.Equal("child", probe.LastSender.Path.Name);
    }

    [Fact]
    public void MessageFromChild_ReachesGrandParentWithSupervisorAsSender()
    {
        IActorRef? supervisor = null;
        var grandParent = Sys.ActorOf(FunActor.Props(
            (a, m) => TestActor.Tell((m, a.Sender), a.Self),
            preStart: a => supervisor = a.Context.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup")), "gp");
        ExpectMsg("started");

        supervisor!.Tell("up", TestActor);

        var (message, sender) = ExpectMsg<(object, IActorRef)>();
        Assert.Equal("from-child", message);
        Assert.Equal(supervisor, sender);
    }

    [Fact]
    public async Task FinalStopMessage_SeenWhileChildAlive_NextChildStopIsFinal()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).WithFinalStopMessage(m => m is "final");
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        Watch(supervisor);

        supervisor.Tell("final", TestActor);
        ExpectMsg("final");
        supervisor.Tell("stop", TestActor);

        ExpectMsg("stopped");
        ExpectTerminated(supervisor);
        await ExpectNoMsgAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task FinalStopMessage_WhileChildDown_SupervisorStopsImmediately()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).WithFinalStopMessage(m => m is "final");
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        Watch(supervisor);
        supervisor.Tell("stop", TestActor);
        ExpectMsg("stopped");
        await AwaitIdleAsync();

        supervisor.Tell("final", TestActor);

        ExpectTerminated(supervisor);
    }

    [Fact]
    public void OnStop_DefaultStrategy_ExceptionRestartsInPlaceWithoutBackoff()
    {
        var supervisor = Sys.ActorOf(Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");

        supervisor.Tell("fail", TestActor);

        Assert.Equal(["stopped", "restarted"], TestActor.ReceiveN(2));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(0, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public async Task OnStop_DefaultStoppingStrategy_ExceptionBacksOff()
    {
        var options = Backoff.OnStop(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).WithDefaultStoppingStrategy();
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");

        supervisor.Tell("fail", TestActor);

        ExpectMsg("stopped");
        await ExpectNoMsgAsync(Min - TimeSpan.FromMilliseconds(1));
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
    }

    [Fact]
    public async Task OnFailure_DeciderRestart_StopThenDelayThenNewChild()
    {
        var supervisor = Sys.ActorOf(Backoff.OnFailure(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");

        supervisor.Tell("fail", TestActor);

        ExpectMsg("stopped");
        await ExpectNoMsgAsync(Min - TimeSpan.FromMilliseconds(1));
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("started");
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public void OnFailure_DeciderStop_SupervisorStops()
    {
        var options = Backoff.OnFailure(BackoffChild.Props(TestActor), "child", Min, Max, 0.0)
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop));
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        Watch(supervisor);

        supervisor.Tell("fail", TestActor);

        ExpectMsg("stopped");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task OnFailure_FourRetriesAllowed_FifthFailureTerminatesSupervisor()
    {
        var options = Backoff.OnFailure(BackoffChild.Props(TestActor), "child", Min, Max, 0.0)
            .WithSupervisorStrategy(new OneForOneStrategy(4, TimeSpan.FromSeconds(30), SupervisorStrategy.DefaultDecider));
        var supervisor = Sys.ActorOf(options.Props, "sup");
        ExpectMsg("started");
        Watch(supervisor);

        foreach (var ms in new[] { 100, 200, 400, 800 })
        {
            supervisor.Tell("fail", TestActor);
            ExpectMsg("stopped");
            await AdvanceAsync(TimeSpan.FromMilliseconds(ms));
            ExpectMsg("started");
        }

        supervisor.Tell("fail", TestActor);
        ExpectMsg("stopped");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void OnFailure_ChildStopsItself_SupervisorStops()
    {
        var supervisor = Sys.ActorOf(Backoff.OnFailure(BackoffChild.Props(TestActor), "child", Min, Max, 0.0).Props, "sup");
        ExpectMsg("started");
        Watch(supervisor);

        supervisor.Tell("stop", TestActor);

        ExpectMsg("stopped");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void OnFailure_ChildConstructorFails_SupervisorStops()
    {
        var supervisor = Sys.ActorOf(Backoff.OnFailure(Props.Create<FailingCtor>(), "child", Min, Max, 0.0).Props, "sup");
        Watch(supervisor);

        ExpectTerminated(supervisor);
    }

    private sealed class FailingCtor : UntypedActor
    {
        public FailingCtor() => throw new InvalidOperationException("ctor");

        protected override void OnReceive(object message)
        {
        }
    }
}
