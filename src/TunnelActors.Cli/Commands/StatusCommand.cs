using System.CommandLine;
using System.Text.Json;
using TunnelActors.Cli.Client;
using TunnelActors.Cli.Control;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors status [NAME] [--json]</c>: a table of the tunnels, or JSON for scripts.</summary>
/// <remarks>With NAME the exit code tells scripts the tunnel's health: 0 up, <see cref="NotUp"/> (5) known but not up,
/// 4 unknown, 3 daemon not running.</remarks>
internal static class StatusCommand
{
    /// <summary>Exit code of <c>status NAME</c> when the tunnel exists but is not up (connecting, degraded, backing off, failed, stopped).</summary>
    public const int NotUp = 5;

    public static Command Create(ControlSocketLocator locator, TimeProvider time)
    {
        var options = new ControlOptions();
        var name = new Argument<string?>("NAME") { Description = "Show only this tunnel.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of status objects." };
        var command = options.AddTo(new Command("status", "Show the state of every tunnel (or one). With NAME, exits 0 when the tunnel is up, 5 when it exists but is not up, 4 when unknown, 3 when the daemon is not running."));
        command.Arguments.Add(name);
        command.Options.Add(json);
        command.SetAction((parseResult, ct) => ClientCommand.RunAsync(parseResult, options, locator, async (client, output, token) =>
        {
            List<TunnelStatusDocument> tunnels;
            if (parseResult.GetValue(name) is { } one)
            {
                var response = await client.GetAsync($"v1/tunnels/{Uri.EscapeDataString(one)}", ControlJsonContext.Default.TunnelStatusDocument, token);
                if (!response.IsSuccess)
                {
                    return await ClientCommand.FailAsync(parseResult, response);
                }

                tunnels = [response.Body!];
            }
            else
            {
                var response = await client.GetAsync("v1/tunnels", ControlJsonContext.Default.ListTunnelStatusDocument, token);
                if (!response.IsSuccess)
                {
                    return await ClientCommand.FailAsync(parseResult, response);
                }

                tunnels = response.Body!;
            }

            await output.WriteAsync(parseResult.GetValue(json)
                ? JsonSerializer.Serialize(tunnels, ControlJsonContext.Default.ListTunnelStatusDocument) + "\n"
                : StatusTable.Render(tunnels, time.GetUtcNow()));
            return parseResult.GetValue(name) is null || tunnels[0].State == TunnelState.Up ? ExitCodes.Ok : NotUp;
        }, ct));
        return command;
    }
}
