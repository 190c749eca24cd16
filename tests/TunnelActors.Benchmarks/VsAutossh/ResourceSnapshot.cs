namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Summed CPU ticks and memory of a set of processes at one moment.</summary>
internal sealed record ResourceSnapshot(IReadOnlyDictionary<int, long> Ticks, double RssMb, double PssMb)
{
    /// <summary>Reads /proc for every pid in <paramref name="pids"/>.</summary>
    public static ResourceSnapshot Take(IReadOnlyList<int> pids)
    {
        long rss = 0, pss = 0;
        var ticks = new Dictionary<int, long>();
        foreach (var pid in pids)
        {
            ticks[pid] = ProcFs.CpuTicks(pid);
            var (r, p) = ProcFs.Memory(pid);
            rss += r;
            pss += p;
        }

        return new ResourceSnapshot(ticks, rss / 1024.0, pss / 1024.0);
    }

    /// <summary>CPU used since <paramref name="earlier"/> by the processes alive in both, in % of one core.</summary>
    public double CpuPercentSince(ResourceSnapshot earlier, TimeSpan elapsed)
    {
        var ticks = Ticks.Where(kv => earlier.Ticks.ContainsKey(kv.Key)).Sum(kv => Math.Max(0, kv.Value - earlier.Ticks[kv.Key]));
        return 100.0 * ticks / Native.ClockTicksPerSecond() / elapsed.TotalSeconds;
    }
}
