using System.Diagnostics;
using System.Globalization;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Benchmarks.Journal;

/// <summary>
/// <c>journal</c>: sustained committed events per second and the time to commit a burst of 1,000 events from 1,000 tunnels.
/// <c>journal writer DIR</c> (hidden): the crash-test helper, see <see cref="JournalWriterProcess"/>.
/// </summary>
public static class JournalBenchmark
{
    private const int SustainedEvents = 200_000;
    private const int Capacity = 100_000;
    private const int BurstRuns = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["writer", var directory, ..])
        {
            return await JournalWriterProcess.RunAsync(directory, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
        }

        var root = Path.Combine(Path.GetTempPath(), "ta-journal-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var perSecond = await SustainedAsync(Path.Combine(root, "sustained"));
            Console.WriteLine($"journal_events_per_s {perSecond:F0}");
            var burst = await BurstAsync(Path.Combine(root, "burst"));
            Console.WriteLine($"journal_burst_1000_ms {burst:F1}");
            if (File.Exists("/proc/loadavg"))
            {
                Console.Error.WriteLine($"load average during the run: {File.ReadAllText("/proc/loadavg").Trim()} on {Environment.ProcessorCount} cores");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static JournalSettings Settings(int capacity) => new(SqliteJournal.DefaultFileName, null, null, capacity, 100);

    private static async Task<double> SustainedAsync(string directory)
    {
        await using var journal = await SqliteJournal.OpenAsync(directory, Settings(Capacity), TimeProvider.System);
        Produce(journal, 5_000, "warm");
        await journal.FlushAsync();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var produced = 0;
        while (produced < SustainedEvents)
        {
            Produce(journal, 1_000, "t");
            produced += 1_000;
            if (journal.Health.Pending > Capacity / 2)
            {
                await journal.FlushAsync();
            }
        }

        await journal.FlushAsync();
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // On a shared machine wall-clock throughput depends on the neighbours; CPU cost per event does not.
        Console.Error.WriteLine($"journal sustained: {SustainedEvents} events in {clock.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU ({SustainedEvents / cpu.TotalSeconds:F0} events per CPU-second)");
        Check(journal.Health.Dropped == 0 && journal.Health.Written == SustainedEvents + 5_000, $"unexpected health {journal.Health}");
        return SustainedEvents / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> BurstAsync(string directory)
    {
        await using var journal = await SqliteJournal.OpenAsync(directory, Settings(Capacity), TimeProvider.System);
        var runs = new List<double>();
        for (var run = 0; run < BurstRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.For(0, 1_000, i => journal.Append($"burst-{i:D4}", new SshExited(255, null, "ConnectionLost", "Connection to db closed by remote host.")));
            await journal.FlushAsync();
            clock.Stop();
            runs.Add(clock.Elapsed.TotalMilliseconds);
        }

        Check(journal.Health.Dropped == 0 && journal.Health.Written == BurstRuns * 1_000, $"unexpected health {journal.Health}");
        Console.Error.WriteLine($"journal burst runs (ms): {string.Join(", ", runs.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}");
        runs.Sort();
        return runs[runs.Count / 2];
    }

    private static void Produce(EventJournal journal, int count, string prefix)
    {
        var tunnels = Enumerable.Range(0, 100).Select(t => $"{prefix}-{t:D3}").ToArray();
        for (var i = 0; i < count; i++)
        {
            var tunnel = tunnels[i % tunnels.Length];
            TunnelEvent @event = (i % 4) switch
            {
                0 => new SshStarted(10_000 + i, i, "5f2b8c0e4a1d9c7b"),
                1 => new TunnelUp(TimeSpan.FromMilliseconds(1.7)),
                2 => new SshExited(255, null, "ConnectionLost", "client_loop: send disconnect: Broken pipe"),
                _ => new RestartScheduled(3, TimeSpan.FromSeconds(4)),
            };
            if (!journal.Append(tunnel, @event))
            {
                throw new InvalidOperationException("Event dropped during the benchmark.");
            }
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
