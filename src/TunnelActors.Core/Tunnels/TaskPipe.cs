using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>Turns a task's completion into a message to an actor (the kernel has no PipeTo yet).</summary>
internal static class TaskPipe
{
    /// <summary>Tells <paramref name="receiver"/> the message <paramref name="map"/> makes of the completed task.</summary>
    /// <remarks>The continuation runs synchronously on whatever completes the task (no actor state is touched there).</remarks>
    public static void PipeTo<T>(this Task<T> task, IActorRef receiver, Func<Task<T>, object> map) =>
        task.ContinueWith(
            t => receiver.Tell(map(t), ActorRefs.NoSender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
