using System.Collections.Immutable;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>What a reload did: applied with a diff, or rejected with errors (the previous set keeps running).</summary>
/// <param name="Diff">The applied difference, or null when rejected.</param>
/// <param name="Errors">Why it was rejected; empty when applied.</param>
internal sealed record ReloadOutcome(TunnelSetDiff? Diff, ImmutableArray<string> Errors)
{
    /// <summary>True when the new configuration now runs.</summary>
    public bool Applied => Diff is not null;

    public static ReloadOutcome Rejected(IEnumerable<string> errors) => new(null, errors.ToImmutableArray());
}
