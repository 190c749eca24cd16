using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>
/// N tunnels per tool: start-up (exec until all forwards answer), then an idle window (memory, CPU with probes on),
/// then sshd killed with all its sessions and restarted (time until all forwards answer again, handshakes refused).
/// </summary>
internal static class FleetScenario
{
    /// <summary>Runs every round of fleet size <paramref name="n"/> and returns its metrics.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, int n, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var cap = options.FleetCap.TotalSeconds;
        var unavailable = context.TunnelActors.Unavailable;
        ScenarioResult Metric(string name, string goal, Func<Sample?, Sample?, bool?> check, int decimals = 3) =>
            new(name, goal, decimals) { Check = check, TunnelActorsUnavailable = unavailable };

        var startup = Metric($"startup_{n}_s", "ratio <= 1.0", ScenarioResult.RatioAtMost(1.0));
        var rss = Metric($"overhead_{n}_rss_mb", n >= 1000 ? "ours <= 100 MB" : "ratio < 1", n >= 1000 ? ScenarioResult.OursAtMost(100) : ScenarioResult.RatioAtMost(1.0), 1);
        var pss = Metric($"overhead_{n}_pss_mb", "ratio < 1", ScenarioResult.RatioAtMost(1.0), 1);
        var cpu = Metric($"overhead_{n}_cpu_pct", n >= 1000 ? "ours <= 2 %" : "ratio <= 1", n >= 1000 ? ScenarioResult.OursAtMost(2) : ScenarioResult.RatioAtMost(1.0), 2);
        var sshRss = Metric($"overhead_{n}_ssh_rss_mb", "(ssh processes, reported separately)", (_, _) => null, 1);
        var sshCpu = Metric($"overhead_{n}_ssh_cpu_pct", "(ssh processes, reported separately)", (_, _) => null, 2);
        var reconnect = Metric($"mass_reconnect_{n}_s", "ratio <= 1.0", ScenarioResult.RatioAtMost(1.0));
        var refused = Metric($"mass_reconnect_{n}_refused", "ours = 0", ScenarioResult.OursAtMost(0), 0);
        var all = new[] { startup, rss, pss, cpu, sshRss, sshCpu, reconnect, refused };
        startup.Notes.Add($"autossh: {AutosshTool.Describe(Profile.Fleet)}; tunnelactors: {TunnelActorsConfig.Describe(Profile.Fleet)}");
        rss.Notes.Add($"idle window {options.IdleWindow.TotalSeconds:F0} s, starting {options.Settle.TotalSeconds:F0} s after all forwards answered; memory from smaps_rollup at its end");
        reconnect.Notes.Add($"sshd (MaxStartups {Sshd.MaxStartupsSetting}) SIGKILLed with all sessions and restarted at once; cap {cap:F0} s");

        for (var round = 0; round < options.FleetRounds; round++)
        {
            foreach (var tool in context.ToolsForRound(round))
            {
                if (tool.Unavailable is not null)
                {
                    continue;
                }

                var m = await MeasureAsync(context, tool, n, context.RunDir($"fleet{n}", round, tool.Name), cancellationToken);
                var ours = tool != context.Autossh;
                void Add(ScenarioResult r, Sample? s)
                {
                    if (s is { } v)
                    {
                        (ours ? r.TunnelActors : r.Autossh).Add(v);
                    }
                }

                Add(startup, m.Startup);
                Add(rss, Sample.Of(m.SupervisorRssMb));
                Add(pss, Sample.Of(m.SupervisorPssMb));
                Add(cpu, Sample.Of(m.SupervisorCpuPercent));
                Add(sshRss, Sample.Of(m.SshRssMb));
                Add(sshCpu, Sample.Of(m.SshCpuPercent));
                Add(reconnect, m.Reconnect);
                Add(refused, Sample.Of(m.Refused));
                var line = $"round {round} {tool.Name}: up {m.StartupAnswered}/{n} at {m.Startup?.Format(2)} s, supervisor rss {m.SupervisorRssMb:F1} MB pss {m.SupervisorPssMb:F1} MB cpu {m.SupervisorCpuPercent:F2} %, " +
                    $"ssh rss {m.SshRssMb:F1} MB pss {m.SshPssMb:F1} MB cpu {m.SshCpuPercent:F2} %, back {m.ReconnectAnswered}/{n} at {m.Reconnect?.Format(2)} s, refused {m.Refused} {m.Problem}";
                reconnect.Notes.Add(line);
                Console.Error.WriteLine($"  fleet {n} {line}");
            }
        }

        return all;
    }

    private static async Task<FleetMeasurement> MeasureAsync(BenchContext context, ITunnelTool tool, int n, string workDir, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var plan = new TunnelPlan(n, Profile.Fleet, workDir);
        var clock = Stopwatch.StartNew();
        var run = await tool.StartAsync(plan, cancellationToken);
        try
        {
            var (up, upAt) = await context.Prober.AllAnswerAsync(plan.ForwardPorts, clock, options.FleetCap, cancellationToken);
            var startup = upAt is { } u ? Sample.Of(u.TotalSeconds) : Sample.AtCap(options.FleetCap.TotalSeconds);

            await Task.Delay(options.Settle, cancellationToken);
            var supervisors = run.SupervisorPids;
            var ssh = run.SshPids();
            var window = Stopwatch.StartNew();
            var (supervisorsBefore, sshBefore) = (ResourceSnapshot.Take(supervisors), ResourceSnapshot.Take(ssh));
            await Task.Delay(options.IdleWindow, cancellationToken);
            var (supervisorsAfter, sshAfter) = (ResourceSnapshot.Take(supervisors), ResourceSnapshot.Take(ssh));
            var elapsed = window.Elapsed;

            var refusedBefore = context.Sshd.DroppedConnections;
            var reconnectClock = Stopwatch.StartNew();
            await context.Sshd.RestartAsync(cancellationToken);
            var (back, backAt) = await context.Prober.AllAnswerAsync(plan.ForwardPorts, reconnectClock, options.FleetCap, cancellationToken);
            return new FleetMeasurement
            {
                Startup = startup,
                StartupAnswered = up,
                SupervisorRssMb = supervisorsAfter.RssMb,
                SupervisorPssMb = supervisorsAfter.PssMb,
                SupervisorCpuPercent = supervisorsAfter.CpuPercentSince(supervisorsBefore, elapsed),
                SshRssMb = sshAfter.RssMb,
                SshPssMb = sshAfter.PssMb,
                SshCpuPercent = sshAfter.CpuPercentSince(sshBefore, elapsed),
                Reconnect = backAt is { } b ? Sample.Of(b.TotalSeconds) : Sample.AtCap(options.FleetCap.TotalSeconds),
                ReconnectAnswered = back,
                Refused = context.Sshd.DroppedConnections - refusedBefore,
                Problem = run.Failure,
            };
        }
        finally
        {
            await run.DisposeAsync();
            context.ClearSessions();
        }
    }
}
