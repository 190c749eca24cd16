using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>What the root supervisor hands each tunnel actor (and its replacements after a bug).</summary>
/// <param name="Services">ssh factory, event sink, jitter, prober.</param>
/// <param name="Root">The root supervisor, which receives status pushes.</param>
/// <param name="Gate">The handshake gate.</param>
/// <param name="Serial">Tells this tunnel's pushes apart from those of an earlier tunnel with the same name.</param>
/// <param name="Ledger">Settings and counters that survive a restart of the actor.</param>
/// <param name="MonitorSocketDirectory">Where the loop monitor's Unix sockets go.</param>
/// <param name="HandshakeTimeout">How long an incarnation may take to come up (SupervisorSettings.HandshakeTimeout).</param>
/// <param name="IsReservedPort">Whether a local port is configured for some tunnel (a monitor never picks it); thread-safe.</param>
internal sealed record TunnelEnvironment(
    TunnelServices Services,
    IActorRef Root,
    IActorRef Gate,
    long Serial,
    TunnelLedger Ledger,
    string MonitorSocketDirectory,
    TimeSpan HandshakeTimeout,
    Func<int, bool> IsReservedPort);
