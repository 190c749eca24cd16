using TunnelActors.Cli.Autossh;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors autossh [-M port[:echo_port]] [-f] [-V] [ssh args...]</c>: the autossh 1.4g drop-in.</summary>
/// <remarks>
/// Handled before System.CommandLine sees the arguments: autossh's getopt (<c>AutosshCommandLine</c>) must get every
/// token verbatim (<c>-M</c>, <c>-p</c>, <c>-o</c>, <c>--</c>, <c>@file</c>, <c>-h</c> all mean what autossh and ssh say).
/// </remarks>
internal static class AutosshCommand
{
    /// <summary>The subcommand word.</summary>
    public const string Name = "autossh";

    /// <summary>Runs the drop-in when <paramref name="args"/> starts with <c>autossh</c>; null otherwise.</summary>
    public static int? TryRun(string[] args) =>
        args.Length > 0 && args[0] == Name ? AutosshProgram.RunAsync(args[1..]).GetAwaiter().GetResult() : null;
}
