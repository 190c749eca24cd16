namespace TunnelActors.Benchmarks;

/// <summary>Benchmark entry point: <c>dotnet run -c Release --project tests/TunnelActors.Benchmarks -- NAME [args]</c>.</summary>
public static class Program
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.Ordinal)
    {
        // One line per benchmark suite; each prints machine-readable `name value` lines.
        ["kernel"] = Kernel.KernelBenchmark.RunAsync,
        ["config"] = Config.ConfigBenchmark.Run,
        ["journal"] = Journal.JournalBenchmark.RunAsync,
        ["tunnels"] = Tunnels.TunnelBenchmark.RunAsync,
        ["vs-autossh"] = VsAutossh.VsAutosshBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: TunnelActors.Benchmarks <{string.Join('|', Benchmarks.Keys)}> [options]");
            return 2;
        }

        return await run(args[1..]);
    }
}
