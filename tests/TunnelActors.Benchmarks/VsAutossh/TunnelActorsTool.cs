using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>TunnelActors: one <c>tunnelactors run -c FILE</c> process for all tunnels of a plan.</summary>
internal sealed class TunnelActorsTool(NetworkFixture network, string identityFile, string? binary, string? reason) : ITunnelTool
{
    private static readonly TimeSpan PreflightTimeout = TimeSpan.FromSeconds(20);

    public string Name => "tunnelactors";

    public string? Unavailable { get; private set; } = binary is null ? reason : null;

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
        var config = Path.Combine(plan.WorkDir, "tunnelactors.conf");
        File.WriteAllText(config, TunnelActorsConfig.Render(plan, identityFile));
        return new TunnelActorsRun(ChildProcess.Start(network.ClientName, [binary!, "run", "-c", config]));
    }

    private static string LastMeaningfulLine(string tail)
    {
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("no ", StringComparison.Ordinal))
            ?? lines.LastOrDefault()
            ?? "(no output)";
    }
}
