using System.CommandLine;
using TunnelActors.Cli.Commands;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>Runs the real <c>tunnelactors</c> command line in-process, capturing its output.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parseResult = Program.BuildRootCommand().Parse(args);
        var code = await CommandLineExit.InvokeAsync(parseResult, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line synchronously.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Program.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A path relative to the repository root (the directory holding TunnelActors.sln).</summary>
    public static string RepoPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TunnelActors.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException($"TunnelActors.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Writes <paramref name="text"/> to a new temporary .conf file and returns its path.</summary>
    public static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        return path;
    }
}
