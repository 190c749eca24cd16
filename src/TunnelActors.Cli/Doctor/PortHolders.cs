using System.Globalization;

namespace TunnelActors.Cli.Doctor;

/// <summary>Who listens on a local TCP port: the socket's inode from <c>/proc/net/tcp[6]</c>, then the process whose fd links to
/// <c>socket:[inode]</c> (proc(5)). Processes of other users are invisible unless we are root.</summary>
internal static class PortHolders
{
    private const string Listen = "0A";

    /// <summary>The processes listening on TCP <paramref name="port"/> (any address), possibly empty.</summary>
    public static IReadOnlyList<PortHolder> Find(int port, string procRoot = "/proc")
    {
        var inodes = ListeningInodes(port, procRoot);
        if (inodes.Count == 0)
        {
            return [];
        }

        var holders = new List<PortHolder>();
        foreach (var dir in SafeEnumerate(procRoot))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            if (SafeEnumerate(Path.Combine(dir, "fd")).Any(fd => LinkTarget(fd) is { } target && inodes.Contains(target)))
            {
                holders.Add(new PortHolder(pid, CommandLine(dir)));
            }
        }

        return holders;
    }

    /// <summary>Every process we can see, with its command line.</summary>
    public static IEnumerable<PortHolder> Processes(string procRoot = "/proc")
    {
        foreach (var dir in SafeEnumerate(procRoot))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return new PortHolder(pid, CommandLine(dir));
            }
        }
    }

    /// <summary>The inodes of listening sockets on <paramref name="port"/>, as <c>socket:[inode]</c> link targets.</summary>
    public static HashSet<string> ListeningInodes(int port, string procRoot = "/proc")
    {
        var hex = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "net/tcp", "net/tcp6" })
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(Path.Combine(procRoot, table));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
            foreach (var fields in lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length > 9))
            {
                if (fields[3] == Listen && fields[1].EndsWith(":" + hex, StringComparison.Ordinal) && fields[9] != "0")
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        return inodes;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string CommandLine(string dir)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Replace('\0', ' ');
            return text.Length > 0 ? text : File.ReadAllText(Path.Combine(dir, "comm")).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static IEnumerable<string> SafeEnumerate(string dir)
    {
        try
        {
            return Directory.GetFileSystemEntries(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
