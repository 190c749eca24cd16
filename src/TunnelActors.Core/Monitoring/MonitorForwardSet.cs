using System.Collections.Immutable;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Monitoring;

/// <summary>What one ssh incarnation needs for its monitor: the forwards to add and the endpoints to use.</summary>
/// <param name="Mode">The monitor mode these forwards serve.</param>
/// <param name="Forwards">The <c>-L</c>/<c>-R</c> forwards, in the order they go on the command line.</param>
/// <param name="ProbeTarget">Where <see cref="EchoProbe"/> connects (the local end of the <c>-L</c>), or null for no probes.</param>
/// <param name="ListenerEndpoint">Where the <see cref="LoopListener"/> must listen (loop mode), or null.</param>
/// <param name="RemoteSocket">The server-side Unix socket of the Unix loop, or null.</param>
public sealed record MonitorForwardSet(
    MonitorMode Mode,
    ImmutableArray<MonitorForward> Forwards,
    ProbeEndpoint? ProbeTarget,
    ProbeEndpoint? ListenerEndpoint,
    string? RemoteSocket)
{
    /// <summary>No monitor: no forwards, no probes.</summary>
    public static MonitorForwardSet None { get; } = new(MonitorMode.None, [], null, null, null);

    /// <summary>Whether any monitor forward uses a Unix socket (ssh then needs StreamLocalBindUnlink).</summary>
    public bool UsesUnixSockets => ProbeTarget is ProbeEndpoint.Unix || ListenerEndpoint is ProbeEndpoint.Unix;
}
