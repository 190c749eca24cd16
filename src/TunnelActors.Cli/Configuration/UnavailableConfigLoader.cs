namespace TunnelActors.Cli.Configuration;

/// <summary>Placeholder until the HOCON configuration loader is wired in <c>Hosting/Composition.cs</c>.</summary>
internal sealed class UnavailableConfigLoader : ITunnelConfigLoader
{
    public ConfigLoadResult Load(string path) =>
        ConfigLoadResult.Invalid([$"{path}: this build has no configuration loader yet; pass --socket PATH to reach a daemon"]);
}
