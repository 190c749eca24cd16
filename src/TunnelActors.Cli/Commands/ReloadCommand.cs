using System.CommandLine;
using System.Net;
using TunnelActors.Cli.Client;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors reload</c>: re-read the configuration; invalid files are rejected with their errors.</summary>
internal static class ReloadCommand
{
    public static Command Create(ControlSocketLocator locator)
    {
        var options = new ControlOptions();
        var command = options.AddTo(new Command("reload", "Validate and apply the daemon's configuration file again (as SIGHUP)."));
        command.SetAction((parseResult, ct) => ClientCommand.RunAsync(parseResult, options, locator, async (client, output, token) =>
        {
            var response = await client.PostAsync("v1/reload", ControlJsonContext.Default.ReloadResponse, token);
            if (response.Status == HttpStatusCode.UnprocessableEntity && response.Body is { } rejected)
            {
                var error = parseResult.InvocationConfiguration.Error;
                await error.WriteLineAsync("tunnelactors: reload rejected, the previous configuration keeps running:");
                foreach (var message in rejected.Errors)
                {
                    await error.WriteLineAsync("  " + message);
                }

                return ExitCodes.Failure;
            }

            if (!response.IsSuccess)
            {
                return await ClientCommand.FailAsync(parseResult, response);
            }

            var applied = response.Body!;
            await output.WriteLineAsync(
                $"reloaded: added [{string.Join(", ", applied.Added)}], removed [{string.Join(", ", applied.Removed)}], "
                + $"changed [{string.Join(", ", applied.Changed)}], {applied.Unchanged.Length} unchanged");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
