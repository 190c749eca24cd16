using System.CommandLine;
using System.Reflection;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors version</c>: prints the version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of tunnelactors.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            parseResult.InvocationConfiguration.Output.WriteLine($"tunnelactors {version}");
            return 0;
        });
        return command;
    }
}
