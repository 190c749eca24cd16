using System.Collections.Immutable;
using TunnelActors.Cli.Configuration;

namespace TunnelActors.Cli.Client;

/// <summary>Finds the daemon's control socket for the CLI: <c>--socket</c>, else the configuration's, else the default.</summary>
/// <param name="loader">Reads the socket path from a configuration file given with <c>-c</c>.</param>
/// <param name="defaultStateDir">The state directory used when no configuration is given.</param>
internal sealed class ControlSocketLocator(ITunnelConfigLoader loader, Func<string> defaultStateDir)
{
    /// <summary>The socket path, or the configuration errors that prevent finding it.</summary>
    public (string? Path, ImmutableArray<string> Errors) Locate(string? socketOption, string? configPath)
    {
        if (!string.IsNullOrEmpty(socketOption))
        {
            return (Path.GetFullPath(socketOption), []);
        }

        if (string.IsNullOrEmpty(configPath))
        {
            return (Path.Combine(defaultStateDir(), DefaultPaths.ControlSocketName), []);
        }

        var loaded = loader.Load(configPath);
        return loaded.IsValid ? (ControlPaths.Socket(loaded.Settings!), []) : (null, loaded.Errors);
    }
}
