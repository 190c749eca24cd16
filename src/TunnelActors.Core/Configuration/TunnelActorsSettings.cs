using System.Collections.Immutable;

namespace TunnelActors.Core.Configuration;

/// <summary>The whole validated configuration of one TunnelActors instance (the <c>tunnelactors</c> block).</summary>
/// <param name="StateDir">Directory holding the journal, the control socket and the monitor sockets.</param>
/// <param name="Tunnels">Every configured tunnel, ordered by name.</param>
/// <param name="Supervisor">Settings of the root supervisor shared by all tunnels.</param>
/// <param name="Journal">Where and how the event journal is kept.</param>
/// <param name="Control">The control API endpoints.</param>
/// <param name="Digest">SHA-256 (hex) of the resolved configuration, written to the journal on load.</param>
public sealed record TunnelActorsSettings(
    string StateDir,
    ImmutableArray<TunnelSettings> Tunnels,
    SupervisorSettings Supervisor,
    JournalSettings Journal,
    ControlSettings Control,
    string Digest);
