using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Commands;
using TunnelActors.Cli.Configuration;

namespace TunnelActors.Cli.Hosting;

/// <summary><c>tunnelactors run</c>: validates the configuration, runs the host until SIGTERM/SIGINT, returns the exit code.</summary>
internal static class DaemonRunner
{
    /// <summary>Runs the daemon; 0 after a requested stop, 1 when the configuration or the start-up fails.</summary>
    public static async Task<int> RunAsync(
        string configPath,
        DaemonComponents components,
        DaemonOptions options,
        Action<ILoggingBuilder> configureLogging,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ConfigLoadResult loaded;
        try
        {
            loaded = components.ConfigLoader.Load(configPath);
        }
        catch (Exception exception)
        {
            loaded = ConfigLoadResult.Invalid([$"{configPath}: {exception.Message}"]);
        }

        if (!loaded.IsValid)
        {
            foreach (var message in loaded.Errors)
            {
                await error.WriteLineAsync(message);
            }

            await error.WriteLineAsync($"tunnelactors: {configPath} is invalid, not starting");
            return ExitCodes.Failure;
        }

        try
        {
            var app = DaemonHost.Build(configPath, loaded.Settings!, components, options, configureLogging);
            await ((IHost)app).RunAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        catch (Exception exception)
        {
            // The top of the daemon: whatever stopped the start-up becomes a message and exit code 1, not a crash dump.
            await error.WriteLineAsync($"tunnelactors: cannot start: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
