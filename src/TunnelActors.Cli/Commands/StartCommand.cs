using System.CommandLine;
using TunnelActors.Cli.Client;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors start NAME</c>: start a stopped tunnel.</summary>
internal static class StartCommand
{
    public static Command Create(ControlSocketLocator locator) =>
        TunnelActionCommand.Create("start", "Start a stopped tunnel.", "starting", locator);
}
