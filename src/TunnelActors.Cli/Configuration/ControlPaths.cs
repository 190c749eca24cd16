using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Configuration;

/// <summary>Resolves the control API's paths from the settings (relative paths are under the state dir).</summary>
internal static class ControlPaths
{
    /// <summary>The absolute path of the control socket.</summary>
    public static string Socket(TunnelActorsSettings settings) => UnderStateDir(settings, settings.Control.SocketPath);

    /// <summary>The absolute path of the TCP bearer token file, or null when none is configured.</summary>
    public static string? TokenFile(TunnelActorsSettings settings) =>
        settings.Control.TokenFile is { Length: > 0 } file ? UnderStateDir(settings, file) : null;

    private static string UnderStateDir(TunnelActorsSettings settings, string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(settings.StateDir, path));
}
