namespace TunnelActors.Core.Configuration;

/// <summary>Expands a leading <c>~</c> or <c>~/</c> to the home directory (HOME, else the user profile).</summary>
internal static class PathExpander
{
    private static readonly Lazy<string> UserProfile = new(() => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static string Expand(string path, Func<string, string?> environment)
    {
        if (path != "~" && !path.StartsWith("~/", StringComparison.Ordinal))
        {
            return path;
        }

        var home = environment("HOME") is { Length: > 0 } h ? h : UserProfile.Value;
        return home.TrimEnd('/') + path[1..];
    }
}
