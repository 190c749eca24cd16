using System.CommandLine;
using TunnelActors.Cli.Commands;
using TunnelActors.Cli.Hosting;

namespace TunnelActors.Cli;

/// <summary>Entry point of the <c>tunnelactors</c> binary.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command.</summary>
    public static int Main(string[] args) => AutosshCommand.TryRun(args) ?? CommandLineExit.Invoke(BuildRootCommand().Parse(args));

    /// <summary>The root command with every subcommand; one line per command.</summary>
    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("TunnelActors: keeps SSH port forwards alive, supervised by actors.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(RunCommand.Create(Composition.Daemon));
        root.Subcommands.Add(StatusCommand.Create(Composition.SocketLocator(), TimeProvider.System));
        root.Subcommands.Add(HistoryCommand.Create(Composition.SocketLocator(), TimeProvider.System));
        root.Subcommands.Add(RestartCommand.Create(Composition.SocketLocator()));
        root.Subcommands.Add(StopCommand.Create(Composition.SocketLocator()));
        root.Subcommands.Add(StartCommand.Create(Composition.SocketLocator()));
        root.Subcommands.Add(ReloadCommand.Create(Composition.SocketLocator()));
        root.Subcommands.Add(DemoCommand.Create(Composition.ConfigLoader, Composition.ControllerFactory));
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create(TimeProvider.System));
        root.Subcommands.Add(AutosshCommand.CreateHelpEntry());
        return root;
    }
}
