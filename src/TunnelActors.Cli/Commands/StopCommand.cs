using System.CommandLine;
using TunnelActors.Cli.Client;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors stop NAME</c>: stop a tunnel until <c>start</c> or a daemon restart.</summary>
internal static class StopCommand
{
    public static Command Create(ControlSocketLocator locator) =>
        TunnelActionCommand.Create("stop", "Stop a tunnel (it stays configured, in state stopped).", "stopped", locator);
}
