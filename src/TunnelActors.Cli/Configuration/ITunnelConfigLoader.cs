namespace TunnelActors.Cli.Configuration;

/// <summary>Loads and validates a TunnelActors configuration file (the HOCON loader implements it).</summary>
/// <remarks>Expected problems (syntax, validation, unreadable file) are returned as errors, not thrown.</remarks>
public interface ITunnelConfigLoader
{
    /// <summary>Loads <paramref name="path"/>; never partially applies anything.</summary>
    ConfigLoadResult Load(string path);
}
