namespace TunnelActors.Core.Tests.Configuration;

/// <summary>Files of the repository (hocon/example.conf, hocon/reference.conf), found by walking up to TunnelActors.sln.</summary>
internal static class RepoFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TunnelActors.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException($"TunnelActors.sln not found above {AppContext.BaseDirectory}");
    }

    public static string? Home(string name) => name == "HOME" ? "/home/op" : null;
}
