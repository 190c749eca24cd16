using System.Globalization;

namespace TunnelActors.Core.Ssh;

/// <summary>Files listing the ssh processes each tunnel owns, so a run after a crash can find what the last run left.</summary>
/// <remarks>
/// One file per tunnel, <c>&lt;dir&gt;/&lt;tunnel&gt;.pids</c>, one line <c>pid starttime incarnation</c> per live ssh,
/// rewritten atomically (temp file and rename) on every change. The start time (field 22 of /proc/&lt;pid&gt;/stat)
/// guards against pid reuse: an entry only matches the very process that was started.
/// Chosen instead of PR_SET_PDEATHSIG, which fires when the forking THREAD exits (and .NET forks from pool
/// threads that come and go) and which .NET's Process cannot set in the child anyway.
/// </remarks>
public sealed class PidRegistry
{
    private const string Extension = ".pids";
    private readonly Lock _gate = new();

    /// <summary>Creates a registry in <paramref name="directory"/> (created when needed, mode 0700).</summary>
    public PidRegistry(string directory)
    {
        Directory = directory;
    }

    /// <summary>The directory holding the files, usually <c>&lt;state-dir&gt;/ssh-pids</c>.</summary>
    public string Directory { get; }

    /// <summary>The usual registry directory under a state directory.</summary>
    public static PidRegistry InStateDir(string stateDir) => new(Path.Combine(stateDir, "ssh-pids"));

    /// <summary>Records a started process.</summary>
    public void Add(PidRegistryEntry entry)
    {
        lock (_gate)
        {
            var entries = Read(entry.TunnelName).Where(e => e.Pid != entry.Pid).Append(entry).ToList();
            Write(entry.TunnelName, entries);
        }
    }

    /// <summary>Forgets a process that has ended.</summary>
    public void Remove(string tunnelName, int pid)
    {
        lock (_gate)
        {
            var entries = Read(tunnelName);
            if (entries.Any(e => e.Pid == pid))
            {
                Write(tunnelName, entries.Where(e => e.Pid != pid).ToList());
            }
        }
    }

    /// <summary>Every recorded process of every tunnel.</summary>
    public IReadOnlyList<PidRegistryEntry> ReadAll()
    {
        lock (_gate)
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return [];
            }

            return System.IO.Directory.EnumerateFiles(Directory, "*" + Extension)
                .Order(StringComparer.Ordinal)
                .SelectMany(f => Read(Path.GetFileNameWithoutExtension(f)))
                .ToList();
        }
    }

    /// <summary>The recorded processes of one tunnel.</summary>
    public IReadOnlyList<PidRegistryEntry> Read(string tunnelName)
    {
        var file = FileFor(tunnelName);
        if (!File.Exists(file))
        {
            return [];
        }

        var entries = new List<PidRegistryEntry>();
        foreach (var line in File.ReadAllLines(file))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var incarnation))
            {
                entries.Add(new PidRegistryEntry(tunnelName, pid, start, incarnation));
            }
        }

        return entries;
    }

    private void Write(string tunnelName, IReadOnlyList<PidRegistryEntry> entries)
    {
        var file = FileFor(tunnelName);
        if (entries.Count == 0)
        {
            File.Delete(file);
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temp = file + ".tmp";
        File.WriteAllLines(temp, entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Pid} {e.StartTime} {e.Incarnation}")));
        File.Move(temp, file, overwrite: true);
    }

    private string FileFor(string tunnelName)
    {
        if (tunnelName.Length == 0 || tunnelName.StartsWith('.') || tunnelName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new ArgumentException($"Tunnel name '{tunnelName}' is not a safe file name.", nameof(tunnelName));
        }

        return Path.Combine(Directory, tunnelName + Extension);
    }
}
