using System.CommandLine;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Logging;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors run -c FILE</c>: the daemon (systemd Type=notify), until SIGTERM or SIGINT.</summary>
internal static class RunCommand
{
    public static Command Create(Func<DaemonComponents> components)
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = "The configuration file.",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("run", "Run the daemon: supervise every configured tunnel and serve the control API.");
        command.Options.Add(config);

        // A synchronous action: System.CommandLine then leaves SIGINT/SIGTERM to the daemon's own handlers.
        command.SetAction(parseResult => DaemonRunner.RunAsync(
                parseResult.GetValue(config)!,
                components(),
                DaemonOptions.Default,
                logging => DaemonLogging.Configure(logging, Environment.GetEnvironmentVariable),
                parseResult.InvocationConfiguration.Error)
            .GetAwaiter()
            .GetResult());
        return command;
    }
}
