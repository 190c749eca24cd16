using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>TunnelActors: one <c>tunnelactors run -c FILE</c> process for all tunnels of a plan.</summary>
internal sealed class TunnelActorsTool(NetworkFixture network, string identityFile, string? binary, string? reason) : ITunnelTool
{
    private static readonly TimeSpan PreflightTimeout = TimeSpan.FromSeconds(20);

    public string Name => "tunnelactors";

    public string? Unavailable { get; private set; } = binary is null ? reason : null;

    /// <summary>Whether this build has the autossh drop-in (<c>tunnelactors autossh ...</c>), used for the ServerAlive profile.</summary>
    public bool HasAutosshDropIn { get; private set; }

    /// <summary>How <paramref name="profile"/> is run on our side, for the report.</summary>
    public string Describe(Profile profile) =>
        profile == Profile.ServerAlive && HasAutosshDropIn
            ? "tunnelactors autossh (drop-in) with the same arguments and environment as autossh"
            : TunnelActorsConfig.Describe(profile);

    public Task<IToolRun> StartAsync(TunnelPlan plan, CancellationToken cancellationToken) =>
        Task.FromResult<IToolRun>(Start(plan));

    /// <summary>
    /// Starts one tunnel and waits until its forward answers or the daemon exits; on failure records why in
    /// <see cref="Unavailable"/> (e.g. while <c>run</c> has no supervisor wired yet) so the rest of the run skips it.
    /// </summary>
    public async Task PreflightAsync(ForwardProber prober, string workDir, CancellationToken cancellationToken)
    {
        if (Unavailable is not null)
        {
            return;
        }

        // `autossh -V` prints "autossh 1.4g"; a drop-in that accepts it is used with autossh's exact command line.
        var (code, stdout, _) = CommandRunner.TryRun(binary!, "autossh", "-V");
        HasAutosshDropIn = code == 0 && stdout.Contains("autossh", StringComparison.Ordinal);

        Directory.CreateDirectory(workDir);
        await using var run = Start(new TunnelPlan(1, Profile.Restart, workDir));
        var clock = Stopwatch.StartNew();
        var answered = prober.FirstAnswerAsync(TunnelPlan.ForwardPort(0), clock, PreflightTimeout, cancellationToken);
        var finished = await Task.WhenAny(answered, run.Exited);
        if (finished == run.Exited)
        {
            Unavailable = $"`tunnelactors run` exited at start: {LastMeaningfulLine(run.Tail)}";
        }
        else if (await answered is null)
        {
            Unavailable = $"`tunnelactors run` started but its forward did not answer within {PreflightTimeout.TotalSeconds:F0} s: {LastMeaningfulLine(run.Tail)}";
        }
    }

    private TunnelActorsRun Start(TunnelPlan plan)
    {
        if (plan.Profile == Profile.ServerAlive && HasAutosshDropIn && plan.Count == 1)
        {
            var env = AutosshTool.Environment(plan.Profile, Path.Combine(plan.WorkDir, "autossh.log"));
            return new TunnelActorsRun(ChildProcess.StartLogged(
                network.ClientName, [binary!, "autossh", .. AutosshTool.Arguments(plan.Profile, 0, identityFile)], Path.Combine(plan.WorkDir, "tunnelactors.log"), env));
        }

        var config = Path.Combine(plan.WorkDir, "tunnelactors.conf");
        File.WriteAllText(config, TunnelActorsConfig.Render(plan, identityFile));
        return new TunnelActorsRun(ChildProcess.StartLogged(network.ClientName, [binary!, "run", "-c", config], Path.Combine(plan.WorkDir, "tunnelactors.log")));
    }

    private static string LastMeaningfulLine(string tail)
    {
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("no ", StringComparison.Ordinal))
            ?? lines.LastOrDefault()
            ?? "(no output)";
    }
}
