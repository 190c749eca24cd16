using System.CommandLine;
using TunnelActors.Hocon;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors config render FILE [--no-env]</c>: prints a HOCON file fully resolved, as JSON.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The HOCON file to render." };
        var noEnv = new Option<bool>("--no-env") { Description = "Do not fall back to environment variables for ${...} substitutions." };
        var render = new Command("render", "Print the fully resolved configuration as JSON (includes and substitutions applied).");
        render.Arguments.Add(file);
        render.Options.Add(noEnv);
        render.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var options = parseResult.GetValue(noEnv) ? HoconOptions.Default.WithoutEnvironment() : HoconOptions.Default;
            try
            {
                output.WriteLine(HoconParser.Load(parseResult.GetValue(file)!, options).ToJson());
                return 0;
            }
            catch (HoconException e)
            {
                error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });

        var command = new Command("config", "Work with HOCON configuration files.");
        command.Subcommands.Add(render);
        return command;
    }
}
