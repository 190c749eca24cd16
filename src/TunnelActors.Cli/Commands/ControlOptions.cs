using System.CommandLine;

namespace TunnelActors.Cli.Commands;

/// <summary>The options every client command shares to find the daemon: <c>-c FILE</c> and <c>--socket PATH</c>.</summary>
internal sealed class ControlOptions
{
    /// <summary><c>-c, --config FILE</c>: the daemon's configuration, read for the control socket's path.</summary>
    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "The daemon's configuration file (to find its control socket).",
        HelpName = "FILE",
    };

    /// <summary><c>--socket PATH</c>: the control socket, overriding the configuration.</summary>
    public Option<string?> Socket { get; } = new("--socket")
    {
        Description = "The daemon's control socket (overrides the configuration; default <state-dir>/control.sock).",
        HelpName = "PATH",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Socket);
        return command;
    }
}
