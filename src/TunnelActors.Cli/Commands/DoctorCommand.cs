using System.CommandLine;
using System.Text.Json;
using TunnelActors.Cli.Doctor;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors doctor NAME -c FILE [--json]</c>: diagnoses one tunnel step by step, with advice for each failure.</summary>
internal static class DoctorCommand
{
    public static Command Create(TimeProvider time)
    {
        var config = new Option<string>("--config", "-c") { Description = "The configuration file.", Required = true, HelpName = "FILE" };
        var name = new Argument<string>("NAME") { Description = "The tunnel to diagnose." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("doctor",
            "Diagnose one tunnel: configuration, ssh -G, identity file, host key, local ports, a real connection and a forward test. "
            + "Exits 0 when no step fails, 1 otherwise.");
        command.Arguments.Add(name);
        command.Options.Add(config);
        command.Options.Add(json);
        command.SetAction(async (parseResult, ct) =>
        {
            var report = await DoctorRunner.RunAsync(parseResult.GetValue(config)!, parseResult.GetValue(name)!, DoctorOptions.Default, time, ct);
            await parseResult.InvocationConfiguration.Output.WriteAsync(parseResult.GetValue(json)
                ? JsonSerializer.Serialize(report, DoctorJsonContext.Default.DoctorReport) + "\n"
                : DoctorRenderer.Render(report));
            return report.ExitCode;
        });
        return command;
    }
}
