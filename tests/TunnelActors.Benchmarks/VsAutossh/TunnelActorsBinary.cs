namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Finds or builds the <c>tunnelactors</c> executable (src/TunnelActors.Cli, Release).</summary>
internal static class TunnelActorsBinary
{
    /// <summary>Returns the executable path, or null with the reason it could not be had.</summary>
    public static (string? Path, string? Reason) Locate(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? (explicitPath, null) : (null, $"{explicitPath} does not exist");
        }

        var root = FindRepositoryRoot();
        if (root is null)
        {
            return (null, "repository root (TunnelActors.sln) not found; pass --tunnelactors PATH");
        }

        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ta-bench-cli");
        var project = System.IO.Path.Combine(root, "src", "TunnelActors.Cli", "TunnelActors.Cli.csproj");
        Console.Error.WriteLine($"building {project} -> {output}");
        var (code, stdout, stderr) = CommandRunner.TryRun("dotnet", "build", project, "-c", "Release", "-o", output, "--nologo", "-v", "q");
        var binary = System.IO.Path.Combine(output, "tunnelactors");
        if (code != 0)
        {
            var firstError = (stdout + stderr).Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim();
            return (null, $"dotnet build src/TunnelActors.Cli failed: {firstError ?? $"exit {code}"}");
        }

        return File.Exists(binary) ? (binary, null) : (null, $"build succeeded but {binary} is missing");
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "TunnelActors.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
