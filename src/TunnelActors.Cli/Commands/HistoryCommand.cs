using System.CommandLine;
using System.Text.Json;
using TunnelActors.Cli.Client;
using TunnelActors.Cli.Control;
using TunnelActors.Cli.History;
using TunnelActors.Cli.Time;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors history [NAME] [--since 1h] [--json]</c>: journaled events of one or every tunnel.</summary>
/// <remarks>When the daemon is not running and <c>-c FILE</c> is given, the journal file named by the configuration is read
/// directly (read-only, see <see cref="OfflineHistory"/>), and the table is followed by one summary line per tunnel.</remarks>
internal static class HistoryCommand
{
    public static Command Create(ControlSocketLocator locator, TimeProvider time)
    {
        var options = new ControlOptions();
        var name = new Argument<string?>("NAME") { Description = "Show only this tunnel.", Arity = ArgumentArity.ZeroOrOne };
        var since = new Option<string>("--since")
        {
            Description = "How far back: a duration (90s, 15m, 1h30m, 2d) or an ISO 8601 time.",
            DefaultValueFactory = _ => "1h",
        };
        since.Validators.Add(result =>
        {
            if (!SinceText.TryParse(result.GetValueOrDefault<string>(), time.GetUtcNow(), out _))
            {
                result.AddError($"Invalid --since '{result.GetValueOrDefault<string>()}': use 90s, 15m, 1h30m, 2d or an ISO 8601 time.");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print a JSON array of events." };
        var command = options.AddTo(new Command("history", "Show what happened to the tunnels (restarts, failures, probes). Without a running daemon, reads the journal of the -c configuration."));
        command.Arguments.Add(name);
        command.Options.Add(since);
        command.Options.Add(json);
        command.SetAction((parseResult, ct) => ClientCommand.RunAsync(parseResult, options, locator, async (client, output, token) =>
        {
            var query = $"?since={Uri.EscapeDataString(parseResult.GetValue(since)!)}";
            var path = parseResult.GetValue(name) is { } one ? $"v1/tunnels/{Uri.EscapeDataString(one)}/history{query}" : $"v1/history{query}";
            ControlResponse<List<TunnelHistoryEntry>> response;
            try
            {
                response = await client.GetAsync(path, ControlJsonContext.Default.ListTunnelHistoryEntry, token);
            }
            catch (DaemonNotRunningException) when (parseResult.GetValue(options.Config) is { } configPath)
            {
                SinceText.TryParse(parseResult.GetValue(since), time.GetUtcNow(), out var from);
                return await OfflineHistory.RunAsync(
                    configPath,
                    parseResult.GetValue(name),
                    from,
                    HistoryEndpoints.DefaultLimit,
                    parseResult.GetValue(json),
                    output,
                    parseResult.InvocationConfiguration.Error,
                    time);
            }
            catch (DaemonNotRunningException exception)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"tunnelactors: {exception.Message} (give -c FILE to read the journal without the daemon)");
                return ExitCodes.DaemonNotRunning;
            }

            if (!response.IsSuccess)
            {
                return await ClientCommand.FailAsync(parseResult, response);
            }

            await output.WriteAsync(parseResult.GetValue(json)
                ? JsonSerializer.Serialize(response.Body!, ControlJsonContext.Default.ListTunnelHistoryEntry) + "\n"
                : HistoryTable.Render(response.Body!, time.LocalTimeZone));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
