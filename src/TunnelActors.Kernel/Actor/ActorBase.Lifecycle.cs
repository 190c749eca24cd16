namespace TunnelActors.Kernel.Actor;

/// <summary>Lifecycle hooks, with Akka's defaults and order.</summary>
/// <remarks>
/// Start: constructor, <see cref="PreStart"/>. Restart: old <see cref="PreRestart"/> (default: unwatch and stop every
/// child, then <see cref="PostStop"/>), children terminate, new constructor, new <see cref="PostRestart"/> (default:
/// <see cref="PreStart"/>). Stop: children stop, then <see cref="PostStop"/>. Timers are cancelled before PreRestart and PostStop.
/// </remarks>
public abstract partial class ActorBase
{
    /// <summary>Called after the constructor, before the first message (and by the default <see cref="PostRestart"/>).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called once the actor and all its children have stopped (and by the default <see cref="PreRestart"/>).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before a restart; by default unwatches and stops all children, then calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop()
    {
        _cell.CancelTimers();
        PostStop();
    }

    internal void AroundPreRestart(Exception reason, object? message)
    {
        _cell.CancelTimers();
        PreRestart(reason, message);
    }

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);
}
