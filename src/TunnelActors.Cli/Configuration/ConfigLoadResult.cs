using System.Collections.Immutable;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Configuration;

/// <summary>The outcome of loading a configuration file: validated settings, or the errors found.</summary>
/// <param name="Settings">The validated settings, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Positioned error messages (<c>file:line:column: message</c>), empty on success.</param>
public sealed record ConfigLoadResult(TunnelActorsSettings? Settings, ImmutableArray<string> Errors)
{
    /// <summary>True when the file was loaded and validated.</summary>
    public bool IsValid => Settings is not null && Errors.IsDefaultOrEmpty;

    /// <summary>A successful load.</summary>
    public static ConfigLoadResult Valid(TunnelActorsSettings settings) => new(settings, []);

    /// <summary>A failed load with at least one error.</summary>
    public static ConfigLoadResult Invalid(IEnumerable<string> errors)
    {
        var list = errors.ToImmutableArray();
        return list.IsEmpty ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : new(null, list);
    }
}
