using System.CommandLine;
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

    /// <summary>An entry for <c>tunnelactors --help</c> only: real invocations never reach System.CommandLine.</summary>
    public static Command CreateHelpEntry()
    {
        var command = new Command(Name, "Drop-in for autossh 1.4g: autossh's options (-M, -f, -V), AUTOSSH_* variables and exit codes; the rest goes to ssh.");
        command.SetAction(_ => AutosshProgram.RunAsync([]).GetAwaiter().GetResult());
        return command;
    }
}
