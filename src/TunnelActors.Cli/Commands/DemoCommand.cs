using System.CommandLine;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Demo;
using TunnelActors.Cli.Hosting;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors demo</c>: a first try with no server at hand.</summary>
internal static class DemoCommand
{
    public static Command Create(ITunnelConfigLoader loader, ITunnelControllerFactory controllers)
    {
        var duration = new Option<int?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl-C)." };
        var faultEvery = new Option<int>("--fault-every") { Description = "Seconds between injected faults.", DefaultValueFactory = _ => 8 };
        var plain = new Option<bool>("--plain") { Description = "Print events line by line instead of redrawing the screen." };
        var command = new Command("demo", "Start a throwaway sshd on 127.0.0.1, a few tunnels, inject faults and watch them recover.");
        command.Options.Add(duration);
        command.Options.Add(faultEvery);
        command.Options.Add(plain);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var seconds = parseResult.GetValue(duration);
            var options = new DemoOptions(
                seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                TimeSpan.FromSeconds(Math.Max(2, parseResult.GetValue(faultEvery))),
                !parseResult.GetValue(plain) && !Console.IsOutputRedirected);
            var runner = new DemoRunner(loader, controllers, options, parseResult.InvocationConfiguration.Output, TimeProvider.System);
            return await runner.RunAsync(cancellationToken);
        });
        return command;
    }
}
