using System.Collections.Immutable;

namespace TunnelActors.Core.Configuration;

/// <summary>Thrown when a configuration is invalid; the message lists every error, one per line.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public ConfigurationException(ImmutableArray<ConfigurationError> errors)
        : base($"invalid configuration ({errors.Length} error{(errors.Length == 1 ? string.Empty : "s")}):\n" + string.Join('\n', errors))
        => Errors = errors;

    /// <summary>Every error found.</summary>
    public ImmutableArray<ConfigurationError> Errors { get; }
}
