using System.CommandLine;
using System.Net;
using TunnelActors.Cli.Client;

namespace TunnelActors.Cli.Commands;

/// <summary>Runs a client command: finds the socket, connects, and maps failures to exit codes.</summary>
internal static class ClientCommand
{
    /// <summary>How long one request to the daemon may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="body"/> against the daemon; 3 when it is not running, 1 on transport errors.</summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        ControlOptions options,
        ControlSocketLocator locator,
        Func<ControlClient, TextWriter, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var (socket, errors) = locator.Locate(parseResult.GetValue(options.Socket), parseResult.GetValue(options.Config));
        if (socket is null)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync(message);
            }

            return ExitCodes.Failure;
        }

        using var client = new ControlClient(socket, RequestTimeout);
        try
        {
            return await body(client, output, cancellationToken);
        }
        catch (DaemonNotRunningException exception)
        {
            await error.WriteLineAsync($"tunnelactors: {exception.Message}");
            return ExitCodes.DaemonNotRunning;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"tunnelactors: cannot talk to the daemon on {socket}: {exception.InnerException?.Message ?? exception.Message}");
            return ExitCodes.Failure;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"tunnelactors: the daemon did not answer within {RequestTimeout.TotalSeconds:0}s");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Prints a non-2xx answer and returns its exit code (4 for an unknown tunnel, else 1).</summary>
    public static async Task<int> FailAsync<T>(ParseResult parseResult, ControlResponse<T> response)
    {
        await parseResult.InvocationConfiguration.Error.WriteLineAsync($"tunnelactors: {response.Error}");
        return response.Status == HttpStatusCode.NotFound ? ExitCodes.UnknownTunnel : ExitCodes.Failure;
    }
}
