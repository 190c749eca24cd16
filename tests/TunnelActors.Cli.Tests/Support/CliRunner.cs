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
}
