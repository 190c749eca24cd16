namespace TunnelActors.Core.Tunnels;

/// <summary>The default sink: drops every event.</summary>
public sealed class NullTunnelEventSink : ITunnelEventSink
{
    private NullTunnelEventSink()
    {
    }

    /// <summary>The single instance.</summary>
    public static NullTunnelEventSink Instance { get; } = new();

    /// <inheritdoc />
    public void Append(TunnelLifecycleEvent lifecycleEvent)
    {
    }
}
