using TunnelActors.Cli.Configuration;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Runtime;

/// <summary>Loads a configuration file with the HOCON binder (reference.conf underneath), errors as positioned lines.</summary>
internal sealed class HoconConfigLoader : ITunnelConfigLoader
{
    /// <inheritdoc />
    public ConfigLoadResult Load(string path)
    {
        var result = ConfigurationBinder.Load(path);
        return result.IsValid
            ? ConfigLoadResult.Valid(result.Settings!)
            : ConfigLoadResult.Invalid(result.Errors.Select(e => e.ToString()));
    }
}
