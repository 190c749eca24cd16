using TunnelActors.Core.Autossh;

namespace TunnelActors.Cli.Autossh;

/// <summary>The drop-in's process: start-up in autossh's order, <c>-f</c>, then the supervisor until autossh would exit.</summary>
internal static class AutosshProgram
{
    /// <summary>Runs <c>autossh</c> with <paramref name="args"/> (the words after <c>autossh</c>) and returns its exit status.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        // The detached child of -f carries the directory the parent started in: relative log and pid files stay there.
        var detachedFrom = Environment.GetEnvironmentVariable(AutosshDetach.MarkerVariable);
        using var readiness = detachedFrom is null ? AutosshReadinessReporter.None() : AutosshReadinessReporter.FromEnvironment();
        if (detachedFrom is not null)
        {
            // ssh (and a ProxyCommand running the drop-in again) must not take itself for a detached child.
            Environment.SetEnvironmentVariable(AutosshDetach.MarkerVariable, null);
            AutosshDetach.DetachStandardStreams(keep: readiness.Descriptor);
        }

        var workingDirectory = detachedFrom ?? Environment.CurrentDirectory;
        var inputs = new AutosshStartupInputs(
            args, Environment.GetEnvironmentVariable, Console.Out, Console.Error, TimeProvider.System, Environment.ProcessId, workingDirectory);
        var (exitCode, session) = AutosshStartup.Begin(inputs);
        if (session is null)
        {
            readiness.Report(AutosshReadiness.Exited(exitCode ?? 1, null));
            return exitCode ?? 1;
        }

        using (session)
        {
            if (session.Settings.Background && detachedFrom is null)
            {
                return session.Finish(await AutosshDetach.StartAsync(args, workingDirectory, session.Log, TimeProvider.System));
            }

            return await new AutosshSupervisor(session, TimeProvider.System, readiness).RunAsync();
        }
    }
}
