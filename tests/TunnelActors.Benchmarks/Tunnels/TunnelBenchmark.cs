using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Benchmarks.Tunnels;

/// <summary>
/// Tunnel suite (in-memory ssh, no network): prints <c>tunnels_start_to_all_up_ms</c>, <c>tunnels_mass_restart_to_all_up_ms</c>
/// (every ssh exits 255 at once), <c>tunnels_status_query_us</c> and <c>tunnels_bytes_per_tunnel</c>.
/// Options: <c>--tunnels N</c> (default 500), <c>--handshakes N</c> (the handshake cap, default 10).
/// </summary>
public static class TunnelBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--tunnels", 500);
        var handshakes = Option(args, "--handshakes", 10);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var factory = new Factory();
        var up = new UpCounter(count);
        await using var system = ActorSystem.Create("bench-tunnels");
        var settings = new TunnelActorsSettings(
            Path.Combine(Path.GetTempPath(), "ta-bench"),
            [.. Enumerable.Range(0, count).Select(Tunnel)],
            new SupervisorSettings(handshakes, TimeSpan.FromSeconds(30)),
            new JournalSettings("journal.db", null, null, 100, 100),
            new ControlSettings("control.sock", null, null),
            "bench");
        var clock = Stopwatch.StartNew();
        var controller = ActorTunnelController.Start(system, settings, new TunnelServices { SshFactory = factory, Events = up });
        await up.AllUpAsync(incarnation: 1);
        Print("tunnels_start_to_all_up_ms", clock.Elapsed.TotalMilliseconds);
        Print("tunnels_bytes_per_tunnel", (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)count);

        clock.Restart();
        foreach (var process in factory.Running.Values)
        {
            process.Exit(255, TimeProvider.System.GetUtcNow(), "Connection to 127.0.0.1 closed by remote host.");
        }

        await up.AllUpAsync(incarnation: 2);
        Print("tunnels_mass_restart_to_all_up_ms", clock.Elapsed.TotalMilliseconds);

        const int queries = 200;
        clock.Restart();
        for (var i = 0; i < queries; i++)
        {
            await controller.GetStatusesAsync(CancellationToken.None);
        }

        Print("tunnels_status_query_us", clock.Elapsed.TotalMicroseconds / queries);
        await controller.StopAllAsync(CancellationToken.None);
        return 0;
    }

    private static TunnelSettings Tunnel(int i) => new(
        $"t{i:0000}",
        new SshDestination("bench.invalid", null, null, null),
        [], [], [], [], [],
        "ssh",
        new MonitorSettings(MonitorMode.None, LoopTransport.Unix, null, 7, "/tmp",
            FirstProbeDelay: TimeSpan.FromMilliseconds(10), Interval: TimeSpan.FromSeconds(60), Timeout: TimeSpan.FromMilliseconds(10),
            MinTimeout: TimeSpan.FromMilliseconds(10), MaxTimeout: TimeSpan.FromSeconds(1), ConfirmRetries: 1, ConfirmInterval: TimeSpan.FromSeconds(1)),
        new BackoffSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, TimeSpan.FromSeconds(60), ImmediateFirstRestart: true),
        new LimitsSettings(TimeSpan.Zero, null, null, RestartOnCleanExit: false),
        TimeSpan.FromSeconds(1));

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Print(string name, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.###}"));

    /// <summary>Counts <see cref="TunnelLifecycleEvent.TunnelUp"/> per incarnation, so the benchmark awaits "every tunnel
    /// up in incarnation k" as an event instead of polling the statuses.</summary>
    private sealed class UpCounter(int tunnels) : ITunnelEventSink
    {
        private readonly ConcurrentDictionary<long, int> _up = new();
        private readonly ConcurrentDictionary<long, TaskCompletionSource> _allUp = new();

        public void Append(TunnelLifecycleEvent lifecycleEvent)
        {
            if (lifecycleEvent is TunnelLifecycleEvent.TunnelUp up && _up.AddOrUpdate(up.Incarnation, 1, (_, n) => n + 1) == tunnels)
            {
                AllUp(up.Incarnation).TrySetResult();
            }
        }

        public Task AllUpAsync(long incarnation) => AllUp(incarnation).Task.WaitAsync(TimeSpan.FromMinutes(5));

        private TaskCompletionSource AllUp(long incarnation) =>
            _allUp.GetOrAdd(incarnation, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class Factory : ISshProcessFactory
    {
        private int _pid = 100_000;

        public ConcurrentDictionary<string, BenchSshProcess> Running { get; } = new();

        public ISshProcess Start(SshStartRequest request)
        {
            var process = new BenchSshProcess(request, Interlocked.Increment(ref _pid), TimeProvider.System.GetUtcNow());
            Running[request.TunnelName] = process;
            return process;
        }
    }
}
