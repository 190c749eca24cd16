using System.Collections.Immutable;

namespace TunnelActors.Cli.Control;

/// <summary>The answer to <c>POST /v1/reload</c> (200 when applied, 422 when the new file was rejected).</summary>
/// <param name="Applied">True when the new configuration now runs.</param>
/// <param name="Errors">Why it was rejected (positioned configuration errors); empty when applied.</param>
/// <param name="Added">Tunnels started by the reload.</param>
/// <param name="Removed">Tunnels stopped by the reload.</param>
/// <param name="Changed">Tunnels restarted with new settings.</param>
/// <param name="Unchanged">Tunnels left running untouched.</param>
public sealed record ReloadResponse(
    bool Applied,
    ImmutableArray<string> Errors,
    ImmutableArray<string> Added,
    ImmutableArray<string> Removed,
    ImmutableArray<string> Changed,
    ImmutableArray<string> Unchanged);
