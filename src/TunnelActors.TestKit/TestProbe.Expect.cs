using TunnelActors.Kernel.Actor;
using Xunit.Sdk;

namespace TunnelActors.TestKit;

/// <summary>Assertions on the messages a probe receives (each with an async twin).</summary>
public sealed partial class TestProbe
{
    /// <summary>Receives the next message, which must be a <typeparamref name="T"/>, within <paramref name="timeout"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null, string? hint = null) => ExpectMsgAsync<T>(timeout, hint).GetAwaiter().GetResult();

    /// <summary>Receives the next message, which must be a <typeparamref name="T"/> matching <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgAsync(predicate, timeout, hint).GetAwaiter().GetResult();

    /// <summary>Receives the next message, which must equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgAsync(expected, timeout, hint).GetAwaiter().GetResult();

    /// <summary>Receives the next message, which must be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgFromAsync<T>(sender, timeout, hint).GetAwaiter().GetResult();

    /// <summary>Receives the next message, which must be the <see cref="Terminated"/> of <paramref name="actor"/> (watch it first).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectTerminatedAsync(actor, timeout).GetAwaiter().GetResult();

    /// <summary>Skips messages until one matches <paramref name="predicate"/>, and returns it.</summary>
    public object FishForMessage(Func<object, bool> predicate, TimeSpan? timeout = null, string? hint = null) =>
        FishForMessageAsync(predicate, timeout, hint).GetAwaiter().GetResult();

    /// <summary>Skips messages until a <typeparamref name="T"/> matches <paramref name="predicate"/>, and returns it.</summary>
    public T FishForMessage<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null) =>
        (T)FishForMessage(m => m is T t && predicate(t), timeout, hint);

    /// <summary>Receives <paramref name="expected"/>.Length messages that equal <paramref name="expected"/> in any order.</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(params T[] expected) => ExpectMsgAllOfAsync(expected).GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ExpectMsgAllOf{T}"/>.</summary>
    public async Task<IReadOnlyList<T>> ExpectMsgAllOfAsync<T>(params T[] expected)
    {
        var received = new List<T>(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            received.Add(await ExpectMsgAsync<T>(hint: $"message {i + 1} of {expected.Length}").ConfigureAwait(false));
        }

        var missing = expected.ToList();
        foreach (var message in received)
        {
            if (!missing.Remove(message))
            {
                throw new XunitException($"Unexpected {message}; expected all of [{string.Join(", ", expected)}], got [{string.Join(", ", received)}]");
            }
        }

        return received;
    }

    /// <summary>Receives exactly <paramref name="count"/> messages.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => ReceiveNAsync(count, timeout).GetAwaiter().GetResult();

    /// <summary>
    /// Fails if a message is queued now or arrives while <paramref name="window"/> of virtual time passes (timers due in the
    /// window fire and the system settles); on a real clock, waits <paramref name="window"/> of real time.
    /// </summary>
    public void ExpectNoMsg(TimeSpan window) => ExpectNoMsgAsync(window).GetAwaiter().GetResult();

    /// <summary>Fails if a message is queued now or arrives within <paramref name="window"/> of real time.</summary>
    public void ExpectNoMsgRealTime(TimeSpan window) => ExpectNoMsgRealTimeAsync(window).GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ExpectMsg{T}(TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null, string? hint = null)
    {
        var envelope = await ReceiveOrFailAsync(timeout, hint, typeof(T).Name).ConfigureAwait(false);
        return envelope.Message is T t
            ? t
            : throw new XunitException($"Expected a message of type {typeof(T).Name}{Hint(hint)} but got {Describe(envelope)}");
    }

    /// <summary>Async twin of <see cref="ExpectMsg{T}(Func{T, bool}, TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        var message = await ExpectMsgAsync<T>(timeout, hint).ConfigureAwait(false);
        return predicate(message)
            ? message
            : throw new XunitException($"Message {message} of type {typeof(T).Name} did not match the predicate{Hint(hint)}");
    }

    /// <summary>Async twin of <see cref="ExpectMsg{T}(T, TimeSpan?, string?)"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null, string? hint = null)
    {
        var message = await ExpectMsgAsync<T>(timeout, hint).ConfigureAwait(false);
        return EqualityComparer<T>.Default.Equals(message, expected)
            ? message
            : throw new XunitException($"Expected {expected}{Hint(hint)} but got {message}");
    }

    /// <summary>Async twin of <see cref="ExpectMsgFrom{T}"/>.</summary>
    public async Task<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? timeout = null, string? hint = null)
    {
        var message = await ExpectMsgAsync<T>(timeout, hint).ConfigureAwait(false);
        return sender.Equals(LastSender)
            ? message
            : throw new XunitException($"Expected {typeof(T).Name} from {sender}{Hint(hint)} but it came from {LastSender}");
    }

    /// <summary>Async twin of <see cref="ExpectTerminated"/>.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(actor), timeout, $"Terminated of {actor}");

    /// <summary>Async twin of <see cref="FishForMessage(Func{object, bool}, TimeSpan?, string?)"/>.</summary>
    public async Task<object> FishForMessageAsync(Func<object, bool> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        var budget = timeout ?? DefaultTimeout;
        while (true)
        {
            var remaining = budget - TimeProvider.System.GetElapsedTime(deadline);
            var envelope = await ReceiveOrFailAsync(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining, hint, "a matching message").ConfigureAwait(false);
            if (predicate(envelope.Message))
            {
                return envelope.Message;
            }
        }
    }

    /// <summary>Async twin of <see cref="ReceiveN"/>.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        var result = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add((await ReceiveOrFailAsync(timeout, $"message {i + 1} of {count}", "a message").ConfigureAwait(false)).Message);
        }

        return result;
    }

    /// <summary>Async twin of <see cref="ExpectNoMsg(TimeSpan)"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan window)
    {
        if (_virtualTime is null)
        {
            await ExpectNoMsgRealTimeAsync(window).ConfigureAwait(false);
            return;
        }

        FailIfQueued(window);
        await _virtualTime.AdvanceAsync(window).ConfigureAwait(false);
        FailIfQueued(window);
    }

    /// <summary>Async twin of <see cref="ExpectNoMsgRealTime"/>.</summary>
    public async Task ExpectNoMsgRealTimeAsync(TimeSpan window)
    {
        FailIfQueued(window);
        if (await _available.WaitAsync(window).ConfigureAwait(false))
        {
            var envelope = Take();
            throw new XunitException($"Expected no message within {window} but got {Describe(envelope)}");
        }
    }

    private void FailIfQueued(TimeSpan window)
    {
        if (TryReceiveOne(out var envelope))
        {
            throw new XunitException($"Expected no message within {window} but got {Describe(envelope)}");
        }
    }

    private async Task<Envelope> ReceiveOrFailAsync(TimeSpan? timeout, string? hint, string what)
    {
        var wait = timeout ?? DefaultTimeout;
        if (!await _available.WaitAsync(wait).ConfigureAwait(false))
        {
            throw new XunitException($"Timeout ({wait}) while waiting for {what}{Hint(hint)} at {Path}");
        }

        return Take();
    }

    private static string Hint(string? hint) => hint is null ? string.Empty : $" ({hint})";

    private static string Describe(Envelope envelope) => $"{envelope.Message} ({envelope.Message.GetType().Name}) from {envelope.Sender}";
}
