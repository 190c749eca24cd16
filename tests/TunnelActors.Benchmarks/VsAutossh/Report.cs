using System.Globalization;
using System.Text;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Prints the results: a table, one machine-readable line per scenario, and optionally a markdown file.</summary>
internal static class Report
{
    /// <summary>Writes the table and machine lines to stdout.</summary>
    public static void Print(IReadOnlyList<ScenarioResult> results, IReadOnlyList<Sample> floor)
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-28} {"autossh",12} {"tunnelactors",14} {"ratio",8}  {"goal",-22} met");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-28} {r.AutosshText,12} {r.TunnelActorsText,14} {r.Ratio,8}  {r.Goal,-22} {r.Met}");
        }

        Console.WriteLine();
        foreach (var r in results)
        {
            Console.WriteLine(r.MachineLine);
        }

        if (Sample.Median(floor) is { } f)
        {
            Console.WriteLine($"handshake_floor_s ssh_median={f.Format(3)}");
        }

        var unavailable = results.Select(r => r.TunnelActorsUnavailable).FirstOrDefault(u => u is not null);
        if (unavailable is not null)
        {
            Console.WriteLine($"tunnelactors unavailable: {unavailable}");
        }

        Console.WriteLine();
        foreach (var r in results.Where(r => r.Notes.Count > 0))
        {
            Console.WriteLine($"# {r.Name}: {string.Join("; ", r.Notes)}");
        }
    }

    /// <summary>Writes the markdown results section (command, machine, date, table, notes).</summary>
    public static void WriteMarkdown(string path, string command, TimeSpan wallTime, IReadOnlyList<ScenarioResult> results, IReadOnlyList<Sample> floor)
    {
        var text = new StringBuilder();
        text.AppendLine("# TunnelActors vs autossh 1.4g: measured results");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{command}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {MemTotalGb():F1} GB RAM, {Uname()} (shared with other builds during the run)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- ssh floor (plain `ssh -N -L`, exec until the forward answers): median {Sample.Median(floor)?.Format(3) ?? "n/a"} s over {floor.Count} runs");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Wall time of the run: {wallTime.TotalMinutes:F1} min (including building src/TunnelActors.Cli)");
        text.AppendLine("- Ratio = tunnelactors median / autossh median (lower is better); `>x` = cut at the cap without recovering.");
        text.AppendLine();
        text.AppendLine("How it is measured: two private network namespaces `ta-bench-<random>-c` (autossh, ssh, tunnelactors, probes) and");
        text.AppendLine("`-s` (a real OpenSSH sshd with key-only login, MaxStartups 10:30:100, LogLevel VERBOSE; TCP echo services on");
        text.AppendLine("127.0.0.1:7000 and :7) joined by a veth pair. Every forward is `-L 127.0.0.1:<port>:127.0.0.1:7000`; \"answers\" means");
        text.AppendLine("a line sent to the client port comes back intact, probed every 25 ms from the moment of the fault. The two tools run");
        text.AppendLine("alternately, one at a time, and the order flips every round. Faults: kill = SIGKILL of the sshd session processes;");
        text.AppendLine("stall = SIGSTOP of them (TCP stays open); blackhole = iptables DROP of the established ssh connection in both");
        text.AppendLine("directions (new connections pass, so recovery is possible). Fleets: N tunnels started at once; memory from");
        text.AppendLine("/proc/PID/smaps_rollup, CPU from utime+stime in /proc/PID/stat; mass reconnect = sshd SIGKILLed with every session");
        text.AppendLine("and restarted at once, refused = sshd's `drop connection ... past MaxStartups` lines.");
        text.AppendLine();
        text.AppendLine("| scenario | autossh median | tunnelactors median | ratio | goal | met |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.AutosshText} | {r.TunnelActorsText} | {r.Ratio} | {r.Goal} | {r.Met} |");
        }

        var unavailable = results.Select(r => r.TunnelActorsUnavailable).FirstOrDefault(u => u is not null);
        if (unavailable is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"TunnelActors side unavailable in this run: {unavailable}");
        }

        text.AppendLine();
        text.AppendLine("## Notes per scenario");
        foreach (var r in results.Where(r => r.Notes.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{r.Name}** (samples autossh: {Join(r.Autossh)}; tunnelactors: {Join(r.TunnelActors)})");
            foreach (var note in r.Notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string Join(List<Sample> samples) => samples.Count == 0 ? "none" : string.Join(", ", samples.Select(s => s.Format(3)));

    private static double MemTotalGb()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    private static string Uname() => $"Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}, {CommandRunner.TryRun("ssh", "-V").Stderr.Trim()}";
}
