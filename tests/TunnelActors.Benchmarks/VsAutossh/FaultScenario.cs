using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>One tunnel per tool; after a delay a fault hits the server side; measured: time until the forward answers again.</summary>
/// <param name="Name">Machine-readable scenario name.</param>
/// <param name="Profile">Tool configuration.</param>
/// <param name="Fault">The fault injected.</param>
/// <param name="MinDelay">Shortest time between the forward first answering and the fault.</param>
/// <param name="DelaySpread">Random extra delay (drawn once per round, the same for both tools) to vary the probe phase.</param>
/// <param name="Goal">Goal text.</param>
/// <param name="Check">Goal decision.</param>
internal sealed record FaultScenario(
    string Name, Profile Profile, FaultKind Fault, TimeSpan MinDelay, TimeSpan DelaySpread, string Goal, Func<Sample?, Sample?, bool?> Check)
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs all rounds for both tools.</summary>
    public async Task<ScenarioResult> RunAsync(BenchContext context, int rounds, TimeSpan cap, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name, Goal) { Check = Check, TunnelActorsUnavailable = context.TunnelActors.Unavailable };
        result.Notes.Add($"autossh: {AutosshTool.Describe(Profile)}");
        result.Notes.Add($"tunnelactors: {context.TunnelActors.Describe(Profile)}");
        result.Notes.Add($"fault: {Fault} after {MinDelay.TotalSeconds:F1}+U[0,{DelaySpread.TotalSeconds:F1}) s; cap {cap.TotalSeconds:F0} s; {rounds} rounds");
        for (var round = 0; round < rounds; round++)
        {
            var delay = MinDelay + (DelaySpread * context.Random.NextDouble());
            foreach (var tool in context.ToolsForRound(round))
            {
                if (tool.Unavailable is not null)
                {
                    continue;
                }

                var samples = tool == context.Autossh ? result.Autossh : result.TunnelActors;
                var (sample, problem) = await MeasureAsync(context, tool, context.RunDir(Name, round, tool.Name), delay, cap, cancellationToken);
                if (sample is { } s)
                {
                    samples.Add(s);
                }

                if (problem is not null)
                {
                    result.Notes.Add($"round {round} {tool.Name}: {problem}");
                }

                Console.Error.WriteLine($"  {Name} round {round} {tool.Name}: {sample?.Format(3) ?? "-"} s {problem}");
            }
        }

        return result;
    }

    private async Task<(Sample? Sample, string? Problem)> MeasureAsync(
        BenchContext context, ITunnelTool tool, string workDir, TimeSpan delay, TimeSpan cap, CancellationToken cancellationToken)
    {
        var port = TunnelPlan.ForwardPort(0);
        var run = await tool.StartAsync(new TunnelPlan(1, Profile, workDir), cancellationToken);
        IReadOnlyList<int> faulted = [];
        try
        {
            if (await context.Prober.FirstAnswerAsync(port, Stopwatch.StartNew(), UpTimeout, cancellationToken) is null)
            {
                return (null, $"forward never answered before the fault; {run.Failure}");
            }

            await Task.Delay(delay, cancellationToken);
            var clock = Stopwatch.StartNew();
            faulted = Inject(context);
            var answered = await context.Prober.FirstAnswerAsync(port, clock, cap, cancellationToken);
            var problem = faulted.Count == 0 ? "no sshd session found to fault" : null;
            return (answered is { } t ? Sample.Of(t.TotalSeconds) : Sample.AtCap(cap.TotalSeconds), problem ?? run.Failure);
        }
        finally
        {
            if (Fault == FaultKind.Blackhole)
            {
                context.Network.ServerIptables("-F");
            }

            await run.DisposeAsync();
            context.ClearSessions();
        }
    }

    private IReadOnlyList<int> Inject(BenchContext context)
    {
        switch (Fault)
        {
            case FaultKind.KillSession:
                return context.Sshd.SignalSessions(Native.SigKill);
            case FaultKind.FreezeSession:
                return context.Sshd.SignalSessions(Native.SigStop);
            case FaultKind.Blackhole:
                var ports = context.Sshd.EstablishedClientPorts();
                foreach (var p in ports.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    context.Network.ServerIptables("-I", "INPUT", "-p", "tcp", "-s", NetworkFixture.ClientAddress, "--sport", p, "-j", "DROP");
                    context.Network.ServerIptables("-I", "OUTPUT", "-p", "tcp", "-d", NetworkFixture.ClientAddress, "--dport", p, "-j", "DROP");
                }

                return ports;
            default:
                throw new ArgumentOutOfRangeException(nameof(context), Fault, null);
        }
    }
}
