using System.CommandLine;
using TunnelActors.Cli.Client;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors restart NAME</c>: kill the tunnel's ssh and start a new one now.</summary>
internal static class RestartCommand
{
    public static Command Create(ControlSocketLocator locator) =>
        TunnelActionCommand.Create("restart", "Restart a tunnel's ssh now (skipping any backoff).", "restarting", locator);
}
