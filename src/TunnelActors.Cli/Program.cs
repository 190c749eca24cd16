using System.CommandLine;
using TunnelActors.Cli.Commands;

namespace TunnelActors.Cli;

/// <summary>Entry point of the <c>tunnelactors</c> binary.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command.</summary>
    public static int Main(string[] args) => BuildRootCommand().Parse(args).Invoke();

    /// <summary>The root command with every subcommand; one line per command.</summary>
    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("TunnelActors: keeps SSH port forwards alive, supervised by actors.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return root;
    }
}
