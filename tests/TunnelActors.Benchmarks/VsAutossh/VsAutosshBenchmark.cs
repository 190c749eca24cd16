using System.Runtime.InteropServices;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>
/// <c>vs-autossh [--quick]</c>: autossh 1.4g and TunnelActors side by side on the same fixture, alternately, several
/// rounds; prints a table and one line per scenario, <c>name autossh_median=x tunnelactors_median=y ratio=y/x</c>.
/// </summary>
internal static class VsAutosshBenchmark
{
    /// <summary>Runs the suite; exit code 0 when every measurement ran (goals missed are reported, not failed).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (Prerequisites() is { } missing)
        {
            Console.Error.WriteLine($"vs-autossh: cannot run: {missing}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C: stop measuring and clean up through the finally blocks.
            e.Cancel = true;
            cancel.Cancel();
        };
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cancel.Cancel();
        });

        var build = System.Diagnostics.Stopwatch.StartNew();
        var (binary, reason) = TunnelActorsBinary.Locate(options.TunnelActorsPath);
        var buildTime = build.Elapsed;
        var workDir = Directory.CreateTempSubdirectory("ta-bench-").FullName;
        using var network = NetworkFixture.Create();

        // Last resort if the process is torn down some other way: no namespace or process is left behind.
        EventHandler lastResort = (_, _) => network.Dispose();
        AppDomain.CurrentDomain.ProcessExit += lastResort;
        try
        {
            Console.Error.WriteLine($"vs-autossh: namespaces {network.ClientName}/{network.ServerName}, work dir {workDir}");
            var results = await RunScenariosAsync(options, network, workDir, binary, reason, buildTime, cancel.Token);
            return results;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("vs-autossh: cancelled; cleaning up");
            return 130;
        }
        finally
        {
            network.Dispose();
            AppDomain.CurrentDomain.ProcessExit -= lastResort;
            if (options.Keep)
            {
                Console.Error.WriteLine($"vs-autossh: kept {workDir}");
            }
            else
            {
                Directory.Delete(workDir, recursive: true);
            }
        }
    }

    private static async Task<int> RunScenariosAsync(
        BenchOptions options, NetworkFixture network, string workDir, string? binary, string? reason, TimeSpan buildTime, CancellationToken cancellationToken)
    {
        await using var sshd = await Sshd.StartAsync(network, Path.Combine(workDir, "sshd"), cancellationToken);
        await using var echo = await EchoServer.StartAsync(network.Server, TunnelPlan.EchoTargetPort);
        await using var echoMonitor = await EchoServer.StartAsync(network.Server, TunnelPlan.EchoMonitorPort);
        var prober = new ForwardProber(network.Client);
        var ours = new TunnelActorsTool(network, sshd.ClientKey, binary, reason);
        var context = new BenchContext(options, network, sshd, prober, new AutosshTool(network, sshd.ClientKey), ours, workDir, new Random(options.Seed));

        await ours.PreflightAsync(prober, Path.Combine(workDir, "preflight"), cancellationToken);
        context.ClearSessions();
        Console.Error.WriteLine(ours.Unavailable is null ? "tunnelactors: available" : $"tunnelactors: unavailable: {ours.Unavailable}");

        var wall = System.Diagnostics.Stopwatch.StartNew();
        var results = new List<ScenarioResult>();
        var floor = await HandshakeFloor.MeasureAsync(context, options.Rounds, cancellationToken);
        foreach (var (scenario, rounds, cap) in FaultScenarios(options).Where(s => options.Runs(s.Scenario.Name)))
        {
            Console.Error.WriteLine($"scenario {scenario.Name}");
            var result = await scenario.RunAsync(context, rounds, cap, cancellationToken);
            if (scenario.Name == "kill_recovery_s")
            {
                result.Notes.Add($"handshake floor (plain ssh -N -L, exec until answer): {Sample.Median(floor)?.Format(3)} s");
            }

            results.Add(result);
        }

        foreach (var n in options.FleetSizes.Where(n => options.Runs($"fleet_{n}")))
        {
            Console.Error.WriteLine($"scenario fleet {n}");
            results.AddRange(await FleetScenario.RunAsync(context, n, cancellationToken));
        }

        Report.Print(results, floor);
        if (options.ResultsPath is not null)
        {
            var command = "dotnet run -c Release --project tests/TunnelActors.Benchmarks -- vs-autossh" + (options.Quick ? " --quick" : string.Empty);
            Report.WriteMarkdown(options.ResultsPath, command, wall.Elapsed + buildTime, results, floor);
        }

        return 0;
    }

    private static IEnumerable<(FaultScenario Scenario, int Rounds, TimeSpan Cap)> FaultScenarios(BenchOptions o)
    {
        static TimeSpan s(double seconds) => TimeSpan.FromSeconds(seconds);

        yield return (new FaultScenario("kill_recovery_s", Profile.Restart, FaultKind.KillSession, s(1), s(0.5), "ratio <= 1.0", ScenarioResult.RatioAtMost(1.0)), o.Rounds, s(30));
        // The freeze comes after both monitors' first probe (5 s after ssh starts), so the steady state is measured.
        yield return (new FaultScenario("stall_recovery_s", Profile.EchoEvery5s, FaultKind.FreezeSession, s(6), s(5), "ratio <= 0.7", ScenarioResult.RatioAtMost(0.7)), o.Rounds, s(60));
        yield return (new FaultScenario("stall_serveralive_s", Profile.ServerAlive, FaultKind.FreezeSession, s(0.5), s(1), "ratio <= 0.6", ScenarioResult.RatioAtMost(0.6)), o.Rounds, s(60));
        yield return (new FaultScenario("blackhole_default_s", Profile.Defaults, FaultKind.Blackhole, s(0.5), s(10), "ours <= 5 s", ScenarioResult.OursAtMost(5)), o.BlackholeRounds, o.BlackholeCap);
    }

    private static string? Prerequisites()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "needs Linux and root (network namespaces, iptables, sshd)";
        }

        var missing = new[] { "/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/autossh", "/usr/sbin/iptables", "/usr/bin/nsenter", "/usr/sbin/ip" }
            .Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0 ? null : "missing " + string.Join(", ", missing) + " (apt-get install openssh-server openssh-client autossh iptables iproute2 util-linux)";
    }
}
