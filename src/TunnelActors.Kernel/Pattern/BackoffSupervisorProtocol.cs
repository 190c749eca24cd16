using TunnelActors.Kernel.Event;

namespace TunnelActors.Kernel.Pattern;

/// <summary>Messages understood by backoff supervisors (nested as in Akka: <c>BackoffSupervisor.GetCurrentChild.Instance</c>).</summary>
public sealed partial class BackoffSupervisor
{
    /// <summary>Asks for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The single instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The current child; <paramref name="Ref"/> is null while no child exists.</summary>
    public sealed record CurrentChild(Actor.IActorRef? Ref);

    /// <summary>Asks for the restart count; answered with <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        /// <summary>The single instance.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>The number of restarts since the last reset.</summary>
    public sealed record RestartCount(int Count);

    /// <summary>Resets the count under <see cref="ManualReset"/> (unhandled under <see cref="AutoReset"/>).</summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        /// <summary>The single instance.</summary>
        public static Reset Instance { get; } = new();
    }

    /// <summary>Self-message that starts the child after the delay.</summary>
    internal sealed class StartChild : IDeadLetterSuppression
    {
        private StartChild()
        {
        }

        public static StartChild Instance { get; } = new();
    }

    /// <summary>Self-message of AutoReset, stamped with the count at the time the child was started.</summary>
    internal sealed record ResetRestartCount(int Current) : IDeadLetterSuppression;
}
