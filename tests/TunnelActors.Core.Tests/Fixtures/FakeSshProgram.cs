namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>Finds the fake ssh (tests/TunnelActors.FakeSsh) built next to this test project.</summary>
public static class FakeSshProgram
{
    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>Absolute path of the fake-ssh executable (its app host).</summary>
    public static string Path => Located.Value;

    private static string Locate()
    {
        // This assembly lives in tests/TunnelActors.Core.Tests/bin/<Configuration>/<tfm>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var tests = here.Parent!.Parent!.Parent!.Parent!.FullName;
        var candidate = System.IO.Path.Combine(tests, "TunnelActors.FakeSsh", "bin", configuration, tfm, "fake-ssh");
        return File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException($"fake-ssh not built at {candidate}; build tests/TunnelActors.FakeSsh first.", candidate);
    }
}
