namespace TunnelActors.Core.Configuration;

/// <summary>Settings of the root supervisor, shared by all tunnels.</summary>
/// <param name="MaxConcurrentHandshakes">Cap on ssh processes connecting at once (keeps below sshd's MaxStartups).</param>
/// <param name="HandshakeTimeout">How long a connecting ssh holds a handshake slot at most.</param>
public sealed record SupervisorSettings(int MaxConcurrentHandshakes, TimeSpan HandshakeTimeout);
