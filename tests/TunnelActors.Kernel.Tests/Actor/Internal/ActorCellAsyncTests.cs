using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor.Internal;

public sealed class ActorCellAsyncTests : TestKit.TestKit
{
    [Fact]
    public async Task RunTask_AwaitOnVirtualDelay_SenderAndOrderPreserved()
    {
        var actor = Sys.ActorOf(FunActor.Props((a, m) => a.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Sys.TimeProvider);
            a.Sender.Tell($"{m}:done", a.Self);
        })), "delayer");
        var other = CreateTestProbe();

        actor.Tell("a", TestActor);
        actor.Tell("b", other);
        await WaitForTimersAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        ExpectMsg("a:done");
        await AdvanceAsync(TimeSpan.FromSeconds(1));

        other.ExpectMsg("b:done");
    }

    [Fact]
    public void RunTask_TaskFaults_ActorRestartsAndContinuesWithNextMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FaultingAsync(TestActor)), "faulty");

        actor.Tell("fail", TestActor);
        actor.Tell("ok", TestActor);

        ExpectMsg("restarted");
        ExpectMsg("ok");
    }

    [Fact]
    public void CancellationToken_ActorStops_TokenIsCancelled()
    {
        var actor = Sys.ActorOf(FunActor.Props((a, _) =>
        {
            a.Context.CancellationToken.Register(() => TestActor.Tell("cancelled", null));
            a.Sender.Tell("registered", a.Self);
        }), "tokened");
        actor.Tell("go", TestActor);
        ExpectMsg("registered");

        Sys.Stop(actor);

        ExpectMsg("cancelled");
    }

    private sealed class FaultingAsync(IActorRef report) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "fail")
            {
                RunTask(async () =>
                {
                    await Task.Yield();
                    throw new InvalidOperationException("async failure");
                });
                return;
            }

            report.Tell(message, Self);
        }

        protected override void PostRestart(Exception reason) => report.Tell("restarted", Self);
    }
}
