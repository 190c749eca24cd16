using System.Globalization;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Reads process facts from /proc: tree, command name, CPU ticks, memory, network namespace.</summary>
internal static class ProcFs
{
    /// <summary>Every live pid.</summary>
    public static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <summary>The direct children of <paramref name="pid"/> (empty when it is gone).</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        // A child is listed under the thread that forked it, so every thread of a multi-threaded parent is read.
        var result = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = TryRead(Path.Combine(task, "children"));
                if (text is not null)
                {
                    result.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we read it.
        }

        return result;
    }

    /// <summary><paramref name="pid"/> and all its descendants, parents first.</summary>
    public static IReadOnlyList<int> Tree(int pid)
    {
        var result = new List<int> { pid };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(Children(result[i]));
        }

        return result;
    }

    /// <summary>The command name (<c>comm</c>), or null when the process is gone.</summary>
    public static string? Comm(int pid) => TryRead($"/proc/{pid}/comm")?.TrimEnd('\n');

    /// <summary>The network namespace identity (<c>net:[inode]</c>), or null when unreadable.</summary>
    public static string? NetNamespace(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/ns/net").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime in clock ticks (children not included), 0 when the process is gone.</summary>
    public static long CpuTicks(int pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }

        // Fields after the parenthesised comm: state is field 3, utime 14, stime 15 (proc(5)).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Resident and proportional set size in kB from smaps_rollup; zeros when the process is gone.</summary>
    public static (long RssKb, long PssKb) Memory(int pid)
    {
        var text = TryRead($"/proc/{pid}/smaps_rollup");
        if (text is null)
        {
            return (0, 0);
        }

        long rss = 0, pss = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss = ParseKb(line);
            }
            else if (line.StartsWith("Pss:", StringComparison.Ordinal))
            {
                pss = ParseKb(line);
            }
        }

        return (rss, pss);
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
