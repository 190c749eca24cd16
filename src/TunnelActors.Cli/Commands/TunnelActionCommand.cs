using System.CommandLine;
using TunnelActors.Cli.Client;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Commands;

/// <summary>The shape shared by <c>restart</c>, <c>stop</c> and <c>start</c>: <c>POST /v1/tunnels/NAME/ACTION</c>.</summary>
internal static class TunnelActionCommand
{
    /// <summary>A command named <paramref name="action"/> acting on one tunnel.</summary>
    public static Command Create(string action, string description, string done, ControlSocketLocator locator)
    {
        var options = new ControlOptions();
        var name = new Argument<string>("NAME") { Description = "The tunnel." };
        var command = options.AddTo(new Command(action, description));
        command.Arguments.Add(name);
        command.SetAction((parseResult, ct) => ClientCommand.RunAsync(parseResult, options, locator, async (client, output, token) =>
        {
            var tunnel = parseResult.GetValue(name)!;
            var response = await client.PostAsync($"v1/tunnels/{Uri.EscapeDataString(tunnel)}/{action}", ControlJsonContext.Default.ActionResponse, token);
            if (!response.IsSuccess)
            {
                return await ClientCommand.FailAsync(parseResult, response);
            }

            await output.WriteLineAsync($"{tunnel}: {done}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
