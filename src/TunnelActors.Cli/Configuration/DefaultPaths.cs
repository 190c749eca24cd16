namespace TunnelActors.Cli.Configuration;

/// <summary>Where the CLI looks for the daemon when neither <c>--socket</c> nor <c>-c</c> says.</summary>
internal static class DefaultPaths
{
    /// <summary>The control socket's file name inside the state directory.</summary>
    public const string ControlSocketName = "control.sock";

    /// <summary>root: /var/lib/tunnelactors; others: $XDG_STATE_HOME/tunnelactors or ~/.local/state/tunnelactors.</summary>
    public static string StateDir(Func<string, string?> getEnvironment, bool isRoot)
    {
        if (isRoot)
        {
            return "/var/lib/tunnelactors";
        }

        var xdg = getEnvironment("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "tunnelactors");
        }

        var home = getEnvironment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "state", "tunnelactors");
    }
}
