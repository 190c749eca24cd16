namespace TunnelActors.Core.Tunnels;

/// <summary>Receives every lifecycle event of every tunnel (the journal's hook).</summary>
/// <remarks>
/// Called from tunnel actors, concurrently from several threads: implementations must be thread-safe and must not
/// block (queue the event and return; a slow or failing sink must never stall or fail a tunnel).
/// </remarks>
public interface ITunnelEventSink
{
    /// <summary>Records <paramref name="lifecycleEvent"/>; returns at once.</summary>
    void Append(TunnelLifecycleEvent lifecycleEvent);
}
