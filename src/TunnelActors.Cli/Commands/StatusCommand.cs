using System.CommandLine;
using System.Text.Json;
using TunnelActors.Cli.Client;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors status [NAME] [--json]</c>: a table of the tunnels, or JSON for scripts.</summary>
internal static class StatusCommand
{
    public static Command Create(ControlSocketLocator locator, TimeProvider time)
    {
        var options = new ControlOptions();
        var name = new Argument<string?>("NAME") { Description = "Show only this tunnel.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of status objects." };
        var command = options.AddTo(new Command("status", "Show the state of every tunnel (or one)."));
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
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
