using System.Collections.Immutable;

namespace TunnelActors.Core.Configuration;

/// <summary>The outcome of loading a configuration: settings, or every error found.</summary>
/// <param name="Settings">The validated settings; null when there are errors.</param>
/// <param name="Errors">Every problem found, in file order; empty on success.</param>
public sealed record ConfigurationResult(TunnelActorsSettings? Settings, ImmutableArray<ConfigurationError> Errors)
{
    /// <summary>Whether loading succeeded.</summary>
    public bool IsValid => Settings is not null;

    /// <summary>The settings, or a <see cref="ConfigurationException"/> listing every error.</summary>
    public TunnelActorsSettings GetSettingsOrThrow() => Settings ?? throw new ConfigurationException(Errors);
}
