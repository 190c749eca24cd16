using TunnelActors.Kernel.Actor;
using TunnelActors.TestKit.Time;

namespace TunnelActors.TestKit;

/// <summary>Drives a <see cref="ManualTimeProvider"/> together with an actor system: every step waits until all actors are idle.</summary>
/// <remarks>
/// Quiescence comes from the kernel's busy-mailbox count (<see cref="ActorSystemSettings.TrackIdle"/>). It covers chains of
/// messages and timers; work outside actors (a real-time task an actor awaits) is not covered.
/// </remarks>
public sealed class VirtualTime
{
    private readonly ActorSystem _system;

    /// <summary>Binds <paramref name="clock"/> to <paramref name="system"/> (which must track idleness and run on that clock).</summary>
    public VirtualTime(ActorSystem system, ManualTimeProvider clock, TimeSpan safetyTimeout)
    {
        if (system.IdleTracker is null)
        {
            throw new ArgumentException("The actor system must be created with TrackIdle = true.", nameof(system));
        }

        _system = system;
        Clock = clock;
        SafetyTimeout = safetyTimeout;
    }

    /// <summary>The virtual clock.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>Real-time limit of each wait.</summary>
    public TimeSpan SafetyTimeout { get; }

    /// <summary>Completes once no mailbox is scheduled or running; fails after <see cref="SafetyTimeout"/> of real time.</summary>
    public async Task AwaitIdleAsync()
    {
        var tracker = _system.IdleTracker!;
        var start = TimeProvider.System.GetTimestamp();
        var spins = 0;
        while (!tracker.IsIdle)
        {
            if (TimeProvider.System.GetElapsedTime(start) > SafetyTimeout)
            {
                throw new TimeoutException($"The actor system did not become idle within {SafetyTimeout}.");
            }

            if (++spins < 20)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Moves virtual time forward by <paramref name="delta"/> one due time at a time, letting the system settle after each,
    /// so timers armed in reaction to earlier timers also fire if they fall within the window.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = Clock.GetUtcNow() + delta;
        await AwaitIdleAsync().ConfigureAwait(false);
        while (true)
        {
            var next = Clock.NextDue;
            if (next is null || next > target)
            {
                Clock.AdvanceTo(target);
                await AwaitIdleAsync().ConfigureAwait(false);
                return;
            }

            Clock.AdvanceTo(next.Value < Clock.GetUtcNow() ? Clock.GetUtcNow() : next.Value);
            await AwaitIdleAsync().ConfigureAwait(false);
        }
    }
}
