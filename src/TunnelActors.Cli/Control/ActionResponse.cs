namespace TunnelActors.Cli.Control;

/// <summary>The answer to <c>POST /v1/tunnels/{name}/restart|stop|start</c> and <c>POST /v1/probe</c>.</summary>
/// <param name="Action">The action done (<c>restart</c>, <c>stop</c>, <c>start</c>, <c>probe</c>).</param>
/// <param name="Tunnel">The tunnel acted on, or null for every tunnel.</param>
public sealed record ActionResponse(string Action, string? Tunnel);
