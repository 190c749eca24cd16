namespace TunnelActors.Cli.History;

/// <summary>One journaled event of a tunnel, as served by <c>GET /v1/tunnels/{name}/history</c>.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Tunnel">The tunnel's name.</param>
/// <param name="Event">The event kind in kebab case (e.g. <c>ssh-started</c>, <c>ssh-exited</c>, <c>probe-failed</c>).</param>
/// <param name="Incarnation">The ssh incarnation it concerns, or null.</param>
/// <param name="Detail">A human-readable detail (exit code, classified error, backoff chosen), or null.</param>
public sealed record TunnelHistoryEntry(DateTimeOffset At, string Tunnel, string Event, int? Incarnation, string? Detail);
