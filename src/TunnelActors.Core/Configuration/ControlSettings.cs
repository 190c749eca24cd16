namespace TunnelActors.Core.Configuration;

/// <summary>The control API: a Unix socket in the state dir, and optionally a loopback TCP port with a token.</summary>
/// <param name="SocketPath">The Unix socket (relative paths are under the state dir).</param>
/// <param name="TcpPort">Loopback TCP port, or null for none.</param>
/// <param name="TokenFile">File holding the bearer token required on TCP; required when <paramref name="TcpPort"/> is set.</param>
public sealed record ControlSettings(string SocketPath, int? TcpPort, string? TokenFile);
