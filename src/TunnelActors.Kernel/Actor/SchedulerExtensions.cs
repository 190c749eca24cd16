namespace TunnelActors.Kernel.Actor;

/// <summary>Scheduling helpers that create the cancelable for you.</summary>
public static class SchedulerExtensions
{
    /// <summary>Schedules a single tell and returns the handle that cancels it.</summary>
    public static ICancelable ScheduleTellOnceCancelable(this IScheduler scheduler, TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        var cancelable = new Cancelable();
        scheduler.ScheduleTellOnce(delay, receiver, message, sender, cancelable);
        return cancelable;
    }

    /// <summary>Schedules a repeated tell and returns the handle that cancels it.</summary>
    public static ICancelable ScheduleTellRepeatedlyCancelable(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        var cancelable = new Cancelable();
        scheduler.ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, cancelable);
        return cancelable;
    }
}
