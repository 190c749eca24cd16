using System.Threading.Channels;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Autossh;

/// <summary>Queues the tunnel's lifecycle events for the supervisor's single loop (never blocks a tunnel actor).</summary>
internal sealed class AutosshEventInbox(ChannelWriter<object> inbox) : ITunnelEventSink
{
    /// <inheritdoc />
    public void Append(TunnelLifecycleEvent lifecycleEvent) => inbox.TryWrite(lifecycleEvent);
}
