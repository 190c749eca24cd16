using TunnelActors.Kernel.Actor;

namespace TunnelActors.TestKit;

/// <summary>Assertions delegated to <see cref="TestKit.TestActor"/>, plus AwaitAssert/AwaitCondition.</summary>
public abstract partial class TestKit
{
    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(TimeSpan?, string?)"/>
    public T ExpectMsg<T>(TimeSpan? timeout = null, string? hint = null) => TestActor.ExpectMsg<T>(timeout, hint);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Func{T, bool}, TimeSpan?, string?)"/>
    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null) => TestActor.ExpectMsg(predicate, timeout, hint);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?, string?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null, string? hint = null) => TestActor.ExpectMsg(expected, timeout, hint);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?, string?)"/>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, string? hint = null) => TestActor.ExpectMsgAsync<T>(timeout, hint);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(Func{T, bool}, TimeSpan?, string?)"/>
    public Task<T> ExpectMsgAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null) => TestActor.ExpectMsgAsync(predicate, timeout, hint);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg(TimeSpan)"/>
    public void ExpectNoMsg(TimeSpan window) => TestActor.ExpectNoMsg(window);

    /// <inheritdoc cref="TestProbe.ExpectNoMsgAsync(TimeSpan)"/>
    public Task ExpectNoMsgAsync(TimeSpan window) => TestActor.ExpectNoMsgAsync(window);

    /// <inheritdoc cref="TestProbe.ExpectTerminated(IActorRef, TimeSpan?)"/>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) => TestActor.ExpectTerminated(actor, timeout);

    /// <inheritdoc cref="TestProbe.ExpectTerminatedAsync(IActorRef, TimeSpan?)"/>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef actor, TimeSpan? timeout = null) => TestActor.ExpectTerminatedAsync(actor, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage(Func{object, bool}, TimeSpan?, string?)"/>
    public object FishForMessage(Func<object, bool> predicate, TimeSpan? timeout = null, string? hint = null) => TestActor.FishForMessage(predicate, timeout, hint);

    /// <inheritdoc cref="TestProbe.Watch(IActorRef)"/>
    public IActorRef Watch(IActorRef actor) => TestActor.Watch(actor);

    /// <inheritdoc cref="TestProbe.Unwatch(IActorRef)"/>
    public IActorRef Unwatch(IActorRef actor) => TestActor.Unwatch(actor);

    /// <summary>Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 10 ms real time) until it passes; rethrows the last failure after <paramref name="duration"/>.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval).GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="AwaitAssert"/>.</summary>
    public static async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var start = TimeProvider.System.GetTimestamp();
        var limit = duration ?? DefaultTimeout;
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (TimeProvider.System.GetElapsedTime(start) < limit)
            {
                await Task.Delay(interval ?? TimeSpan.FromMilliseconds(10), TimeProvider.System).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true; fails after <paramref name="duration"/> of real time.</summary>
    public static Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, string? message = null) =>
        AwaitAssertAsync(
            () => condition() ? Task.CompletedTask : throw new Xunit.Sdk.XunitException(message ?? "Condition not met in time."),
            duration);
}
