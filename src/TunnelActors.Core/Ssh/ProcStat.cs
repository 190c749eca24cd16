using System.Globalization;

namespace TunnelActors.Core.Ssh;

/// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> we need (proc(5)).</summary>
/// <param name="Pid">The process id.</param>
/// <param name="State">The state letter (R, S, D, T, Z, ...).</param>
/// <param name="ParentPid">The parent's pid.</param>
/// <param name="ProcessGroup">The process group id.</param>
/// <param name="StartTime">Start time in clock ticks after boot: with the pid, it names one process even across pid reuse.</param>
public sealed record ProcStat(int Pid, char State, int ParentPid, int ProcessGroup, ulong StartTime)
{
    /// <summary>Whether the process has ended and only waits to be reaped.</summary>
    public bool IsZombie => State is 'Z' or 'X';

    /// <summary>Reads the stat of <paramref name="pid"/>, or null when there is no such process (or no /proc).</summary>
    public static ProcStat? TryRead(int pid, string procRoot = "/proc")
    {
        try
        {
            return Parse(File.ReadAllText($"{procRoot}/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Parses one stat line. The command name (field 2) may contain spaces and ')' so fields are counted
    /// from the LAST ')'.</summary>
    public static ProcStat Parse(string line)
    {
        var close = line.LastIndexOf(')');
        if (close < 0)
        {
            throw new FormatException("No ')' in /proc stat line.");
        }

        var pid = int.Parse(line.AsSpan(0, line.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        // After ")": field 3 state, 4 ppid, 5 pgrp, ..., 22 starttime, so index 0 here is field 3.
        var rest = line[(close + 2)..].Split(' ');
        if (rest.Length < 20)
        {
            throw new FormatException("Too few fields in /proc stat line.");
        }

        return new ProcStat(
            pid,
            rest[0][0],
            int.Parse(rest[1], CultureInfo.InvariantCulture),
            int.Parse(rest[2], CultureInfo.InvariantCulture),
            ulong.Parse(rest[19], CultureInfo.InvariantCulture));
    }

    /// <summary>The pids of all processes whose parent is <paramref name="parentPid"/>.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parentPid, string procRoot = "/proc")
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories(procRoot))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryRead(pid, procRoot) is { ParentPid: var parent } && parent == parentPid)
            {
                children.Add(pid);
            }
        }

        return children;
    }
}
