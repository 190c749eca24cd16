using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Runtime;

/// <summary>Hands the tunnel actors' lifecycle events to the <see cref="JournalActor"/> (a Tell: never blocks).</summary>
public sealed class JournalEventSink(IActorRef journal) : ITunnelEventSink
{
    /// <inheritdoc />
    public void Append(TunnelLifecycleEvent lifecycleEvent) => journal.Tell(lifecycleEvent, ActorRefs.NoSender);
}
