using System.Collections.Immutable;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tunnels;

/// <summary>The per-tunnel difference between two configurations, applied by a reload.</summary>
/// <param name="Added">Tunnels only in the new configuration.</param>
/// <param name="Removed">Names of tunnels only in the old configuration.</param>
/// <param name="Changed">Tunnels whose settings differ (restarted with the new settings).</param>
/// <param name="Unchanged">Names of tunnels left untouched (their ssh keeps running).</param>
public sealed record TunnelSetDiff(
    ImmutableArray<TunnelSettings> Added,
    ImmutableArray<string> Removed,
    ImmutableArray<TunnelSettings> Changed,
    ImmutableArray<string> Unchanged)
{
    /// <summary>Computes the difference from <paramref name="current"/> to <paramref name="next"/>, by name.</summary>
    public static TunnelSetDiff Between(IEnumerable<TunnelSettings> current, IEnumerable<TunnelSettings> next)
    {
        var old = current.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var added = ImmutableArray.CreateBuilder<TunnelSettings>();
        var changed = ImmutableArray.CreateBuilder<TunnelSettings>();
        var unchanged = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tunnel in next.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            seen.Add(tunnel.Name);
            if (!old.TryGetValue(tunnel.Name, out var before))
            {
                added.Add(tunnel);
            }
            else if (SameSettings(before, tunnel))
            {
                unchanged.Add(tunnel.Name);
            }
            else
            {
                changed.Add(tunnel);
            }
        }

        var removed = old.Keys.Where(n => !seen.Contains(n)).Order(StringComparer.Ordinal).ToImmutableArray();
        return new TunnelSetDiff(added.ToImmutable(), removed, changed.ToImmutable(), unchanged.ToImmutable());
    }

    // Records compare ImmutableArray fields by reference, so compare those element-wise.
    private static bool SameSettings(TunnelSettings a, TunnelSettings b) =>
        a with
        {
            Local = b.Local, Remote = b.Remote, Dynamic = b.Dynamic, SshOptions = b.SshOptions, SshArgs = b.SshArgs, RemoteCommand = b.RemoteCommand,
        } == b
        && a.Local.SequenceEqual(b.Local)
        && a.Remote.SequenceEqual(b.Remote)
        && a.Dynamic.SequenceEqual(b.Dynamic)
        && a.SshOptions.SequenceEqual(b.SshOptions)
        && a.SshArgs.SequenceEqual(b.SshArgs)
        && a.RemoteCommand.SequenceEqual(b.RemoteCommand);
}
