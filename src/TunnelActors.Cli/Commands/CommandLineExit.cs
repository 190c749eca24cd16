using System.CommandLine;

namespace TunnelActors.Cli.Commands;

/// <summary>Invokes a parsed command line, mapping parse errors to <see cref="ExitCodes.Usage"/>.</summary>
/// <remarks>System.CommandLine's own SIGINT/SIGTERM handling is turned off: <c>run</c> handles signals itself
/// (stop within the shutdown timeout, exit 0), and client commands keep the default action (terminate).</remarks>
internal static class CommandLineExit
{
    /// <summary>Runs the chosen action (parse errors are printed by System.CommandLine) and returns the exit code.</summary>
    public static async Task<int> InvokeAsync(ParseResult parseResult, InvocationConfiguration? configuration = null)
    {
        configuration ??= new InvocationConfiguration();
        configuration.ProcessTerminationTimeout = null;
        var code = await parseResult.InvokeAsync(configuration);
        return parseResult.Errors.Count > 0 ? ExitCodes.Usage : code;
    }

    /// <summary>Synchronous form for <c>Main</c>.</summary>
    public static int Invoke(ParseResult parseResult) => InvokeAsync(parseResult).GetAwaiter().GetResult();
}
