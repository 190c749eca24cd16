using TunnelActors.Core.Tunnels;

namespace TunnelActors.Core.Tests.Tunnels.Fakes;

/// <summary>Keeps every lifecycle event, in order.</summary>
public sealed class RecordingEventSink : ITunnelEventSink
{
    private readonly List<TunnelLifecycleEvent> _events = [];

    public IReadOnlyList<TunnelLifecycleEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Append(TunnelLifecycleEvent lifecycleEvent)
    {
        lock (_events)
        {
            _events.Add(lifecycleEvent);
        }
    }

    /// <summary>The events of <paramref name="tunnel"/> as type names, e.g. "SshStarted".</summary>
    public IReadOnlyList<string> Kinds(string tunnel) => [.. Events.Where(e => e.Tunnel == tunnel).Select(e => e.GetType().Name)];

    public IReadOnlyList<T> OfType<T>() => [.. Events.OfType<T>()];
}
