namespace TunnelActors.Hocon.Tests.Conformance;

/// <summary>Locates ../shared/hocon-corpus next to the repository (the dir holding TunnelActors.sln).</summary>
internal static class Corpus
{
    private static readonly Lazy<string> RootDir = new(Locate);

    public static string Root => RootDir.Value;

    public static string Lightbend => Path.Combine(Root, "lightbend-config");

    public static string Snippets => Path.Combine(Root, "snippets");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TunnelActors.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "hocon-corpus"));
                return Directory.Exists(corpus)
                    ? corpus
                    : throw new InvalidOperationException($"HOCON corpus not found at {corpus}; it must sit at ../shared/hocon-corpus relative to the repository root {dir.FullName}");
            }
        }

        throw new InvalidOperationException($"TunnelActors.sln not found above {AppContext.BaseDirectory}; cannot locate ../shared/hocon-corpus");
    }
}
