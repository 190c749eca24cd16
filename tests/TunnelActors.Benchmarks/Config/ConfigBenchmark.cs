using System.Diagnostics;
using System.Globalization;
using System.Text;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Benchmarks.Config;

/// <summary><c>config</c>: parse and bind a generated 10,000-tunnel file; prints <c>config_10k_tunnels_ms N</c> (median of 5 after a warm-up).</summary>
internal static class ConfigBenchmark
{
    public static Task<int> Run(string[] args)
    {
        var tunnels = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var path = Path.Combine(Path.GetTempPath(), $"tunnelactors-bench-{Environment.ProcessId}.conf");
        File.WriteAllText(path, Generate(tunnels));
        try
        {
            var check = ConfigurationBinder.Load(path, _ => null);
            if (!check.IsValid || check.Settings!.Tunnels.Length != tunnels)
            {
                Console.Error.WriteLine($"generated configuration did not bind: {string.Join('\n', check.Errors.Take(5))}");
                return Task.FromResult(1);
            }

            var times = new List<double>();
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            for (var i = 0; i < 5; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                ConfigurationBinder.Load(path, _ => null);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            times.Sort();
            cpu.Sort();
            // Phases in CPU time (stable on a busy machine): parse, resolve over reference.conf, canonical JSON for the digest.
            var parseMs = CpuMs(process, () => TunnelActors.Hocon.HoconParser.ParseFile(path));
            var document = TunnelActors.Hocon.HoconParser.ParseFile(path);
            TunnelActors.Hocon.HoconConfig? resolved = null;
            var resolveMs = CpuMs(process, () => resolved = document.WithFallback(ReferenceConfig.Document).Resolve(TunnelActors.Hocon.HoconOptions.Default.WithoutEnvironment()));
            var renderMs = CpuMs(process, () => TunnelActors.Hocon.HoconJson.Render(resolved!.Root, canonical: true));
            Console.WriteLine($"config_{tunnels / 1000}k_parse_cpu_ms {parseMs:F0}");
            Console.WriteLine($"config_{tunnels / 1000}k_resolve_cpu_ms {resolveMs:F0}");
            Console.WriteLine($"config_{tunnels / 1000}k_canonical_json_cpu_ms {renderMs:F0}");
            Console.WriteLine($"config_{tunnels / 1000}k_tunnels_ms {times[times.Count / 2]:F0}");
            Console.WriteLine($"config_{tunnels / 1000}k_tunnels_cpu_ms {cpu[cpu.Count / 2]:F0}");
            Console.WriteLine($"config_{tunnels / 1000}k_tunnels_file_bytes {new FileInfo(path).Length}");
            return Task.FromResult(0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static double CpuMs(Process process, Action action)
    {
        process.Refresh();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }

    /// <summary>A realistic file: defaults, then tunnels with forwards, options, monitor and backoff overrides.</summary>
    private static string Generate(int tunnels)
    {
        var sb = new StringBuilder();
        sb.AppendLine("tunnelactors {")
          .AppendLine("  state-dir = \"/var/lib/tunnelactors\"")
          .AppendLine("  defaults { user = deploy, identity-file = \"~/.ssh/id_ed25519\", ssh-options { StrictHostKeyChecking = yes } }")
          .AppendLine("  tunnels {");
        for (var i = 0; i < tunnels; i++)
        {
            var port = 10_000 + i;
            sb.Append(CultureInfo.InvariantCulture, $$"""
                    t{{i}} {
                      host = "host{{i % 500}}.example.com", port = 22
                      local = [ "127.0.0.1:{{port}}:localhost:{{5000 + (i % 100)}}" ]
                      ssh-options { ServerAliveInterval = 30s, ServerAliveCountMax = 3 }
                      monitor { mode = {{(i % 3 == 0 ? "none" : "loop")}}, interval = 10s, timeout = 3s }
                      backoff { max = 120s }
                    }

                """);
        }

        sb.AppendLine("  }").AppendLine("}");
        return sb.ToString();
    }
}
