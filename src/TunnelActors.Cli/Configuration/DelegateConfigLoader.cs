namespace TunnelActors.Cli.Configuration;

/// <summary>An <see cref="ITunnelConfigLoader"/> over a function, for wiring and tests.</summary>
/// <param name="load">Loads and validates one file.</param>
public sealed class DelegateConfigLoader(Func<string, ConfigLoadResult> load) : ITunnelConfigLoader
{
    /// <inheritdoc />
    public ConfigLoadResult Load(string path) => load(path);
}
