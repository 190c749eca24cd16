using System.Collections.Immutable;
using TunnelActors.Hocon;

namespace TunnelActors.Core.Configuration;

/// <summary>Collects configuration errors while binding continues.</summary>
internal sealed class ErrorSink
{
    private readonly List<ConfigurationError> _errors = [];
    private readonly HashSet<(HoconOrigin, string)> _seen = [];

    public int Count => _errors.Count;

    /// <summary>Adds an error; the same problem at the same place (a defaults value seen by every tunnel) is kept once.</summary>
    public void Add(HoconOrigin origin, string path, string message)
    {
        if (_seen.Add((origin, message)))
        {
            _errors.Add(new ConfigurationError(origin.File, origin.Line, origin.Column, path, message));
        }
    }

    public ImmutableArray<ConfigurationError> ToImmutable() =>
        [.. _errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)];
}
