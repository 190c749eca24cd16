using TunnelActors.Core.Tunnels;

namespace TunnelActors.Core.Runtime;

/// <summary>Passes every lifecycle event to each of several sinks, in order.</summary>
internal sealed class FanOutEventSink(IReadOnlyList<ITunnelEventSink> sinks) : ITunnelEventSink
{
    /// <summary>The one non-null sink, a fan-out over several, or null when there is none.</summary>
    public static ITunnelEventSink? Of(params ITunnelEventSink?[] sinks)
    {
        var present = sinks.OfType<ITunnelEventSink>().ToList();
        return present.Count switch
        {
            0 => null,
            1 => present[0],
            _ => new FanOutEventSink(present),
        };
    }

    /// <inheritdoc />
    public void Append(TunnelLifecycleEvent lifecycleEvent)
    {
        foreach (var sink in sinks)
        {
            sink.Append(lifecycleEvent);
        }
    }
}
