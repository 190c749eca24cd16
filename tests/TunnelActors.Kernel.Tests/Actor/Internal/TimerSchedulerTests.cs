using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class TimerSchedulerTests : TestKit.TestKit
{
    [Fact]
    public async Task StartSingleTimer_AfterTimeout_DeliveredOnceAndNoLongerActive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), "timers");
        actor.Tell(new Arm("k", "tick", TimeSpan.FromSeconds(5)), TestActor);
        await WaitForTimersAsync();

        await ExpectNoMsgAsync(TimeSpan.FromSeconds(4.9));
        await AdvanceAsync(TimeSpan.FromSeconds(0.1));

        ExpectMsg("tick");
        actor.Tell(new IsActive("k"), TestActor);
        Assert.False(ExpectMsg<bool>());
        await ExpectNoMsgAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task StartSingleTimer_SameKeyWhileOldMessageAlreadyEnqueued_OldMessageNeverDelivered()
    {
        using var gate = new ManualResetEventSlim();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, gate)), "timers");
        actor.Tell(new Arm("k", "old", TimeSpan.FromSeconds(1)), TestActor);
        await WaitForTimersAsync();
        actor.Tell(new BlockThenRearm("k", "new", TimeSpan.FromSeconds(1)), TestActor);
        ExpectMsg("blocked");

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Clock.ArmedCount);
        gate.Set();

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(999));
        await AdvanceAsync(TimeSpan.FromMilliseconds(1));
        ExpectMsg("new");
        await ExpectNoMsgAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StartPeriodicTimer_ThreePeriods_ThreeMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), "timers");
        actor.Tell(new ArmPeriodic("p", "beat", TimeSpan.FromSeconds(2)), TestActor);
        await WaitForTimersAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(6));

        Assert.Equal(["beat", "beat", "beat"], TestActor.ReceiveN(3));
        await ExpectNoMsgAsync(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task Cancel_ArmedTimer_NothingDelivered()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), "timers");
        actor.Tell(new Arm("k", "tick", TimeSpan.FromSeconds(1)), TestActor);
        await WaitForTimersAsync();

        actor.Tell(new CancelTimer("k"), TestActor);
        actor.Tell(new IsActive("k"), TestActor);

        Assert.False(ExpectMsg<bool>());
        await ExpectNoMsgAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Restart_ArmedTimer_IsCancelled()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), "timers");
        actor.Tell(new Arm("k", "tick", TimeSpan.FromSeconds(1)), TestActor);
        await WaitForTimersAsync();

        actor.Tell("fail", TestActor);
        actor.Tell(new IsActive("k"), TestActor);

        Assert.False(ExpectMsg<bool>());
        await ExpectNoMsgAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Stop_ArmedTimer_IsCancelledAndClockReleased()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)), "timers");
        actor.Tell(new Arm("k", "tick", TimeSpan.FromSeconds(1)), TestActor);
        await WaitForTimersAsync();
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(0, Clock.ArmedCount);
    }

    [Fact]
    public async Task IWithTimers_TimersPropertyIsSetBeforePreStart()
    {
        Sys.ActorOf(Props.Create(() => new PreStartTimerActor(TestActor)), "early");
        await WaitForTimersAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(1));

        ExpectMsg("from-prestart");
    }

    private sealed record Arm(string Key, string Message, TimeSpan Delay);

    private sealed record ArmPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record BlockThenRearm(string Key, string Message, TimeSpan Delay);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    private sealed class TimerActor(IActorRef report, ManualResetEventSlim? gate = null) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Arm arm:
                    Context.Timers.StartSingleTimer(arm.Key, arm.Message, arm.Delay);
                    break;
                case ArmPeriodic arm:
                    Context.Timers.StartPeriodicTimer(arm.Key, arm.Message, arm.Interval);
                    break;
                case BlockThenRearm rearm:
                    report.Tell("blocked", Self);
                    gate!.Wait(TestKit.TestKit.DefaultTimeout);
                    Context.Timers.StartSingleTimer(rearm.Key, rearm.Message, rearm.Delay);
                    break;
                case CancelTimer cancel:
                    Context.Timers.Cancel(cancel.Key);
                    break;
                case IsActive query:
                    Sender.Tell(Context.Timers.IsTimerActive(query.Key), Self);
                    break;
                case "fail":
                    throw new InvalidOperationException("fail");
                default:
                    report.Tell(message, Self);
                    break;
            }
        }
    }

    private sealed class PreStartTimerActor(IActorRef report) : UntypedActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartSingleTimer("k", "from-prestart", TimeSpan.FromSeconds(1));

        protected override void OnReceive(object message) => report.Tell(message, Self);
    }
}
