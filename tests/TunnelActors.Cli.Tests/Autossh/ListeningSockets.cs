using System.Globalization;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The TCP ports a process listens on, from its open socket inodes and its network namespace's
/// <c>/proc/PID/net/tcp</c> and <c>tcp6</c> (what <c>ss -ltnp</c> shows, without needing ss).</summary>
internal static class ListeningSockets
{
    /// <summary>TCP state LISTEN in /proc/net/tcp's <c>st</c> column (include/net/tcp_states.h).</summary>
    private const string Listen = "0A";

    /// <summary>The local ports of <paramref name="pid"/>'s listening TCP sockets (IPv4 and IPv6), ascending.</summary>
    public static IReadOnlyList<int> TcpPorts(int pid)
    {
        var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        var inodes = SocketInodes(proc);
        string[] tables = ["tcp", "tcp6"];
        return tables
            .SelectMany(table => File.ReadLines($"{proc}/net/{table}").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            .Where(fields => fields[3] == Listen && inodes.Contains(fields[9]))
            .Select(fields => int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Order()
            .ToList();
    }

    private static HashSet<string> SocketInodes(string proc)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"{proc}/fd"))
        {
            if (LinkTarget(fd) is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        return inodes;
    }

    private static string? LinkTarget(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget;
        }
        catch (IOException)
        {
            // The descriptor was closed between listing and reading.
            return null;
        }
    }
}
