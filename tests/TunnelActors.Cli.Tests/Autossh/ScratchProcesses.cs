using System.Globalization;
using System.Text;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The processes a test started in its scratch directory, found by the <c>FAKE_DIR</c> their environment holds
/// (the drop-in, its detached child and the fake ssh, whoever their parent is now).</summary>
internal static class ScratchProcesses
{
    /// <summary>The live (not zombie) processes whose environment has <c>FAKE_DIR=</c><paramref name="scratch"/>'s directory.</summary>
    public static IReadOnlyList<int> Live(AutosshScratch scratch)
    {
        var entry = $"FAKE_DIR={scratch.Dir}";
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && HasEntry(pid, entry) && AutosshRun.IsAlive(pid))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>The parent pid of <paramref name="pid"/> (field 4 of <c>/proc/pid/stat</c>).</summary>
    public static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    private static bool HasEntry(int pid, string entry)
    {
        try
        {
            var environment = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/environ");
            return Encoding.UTF8.GetString(environment).Split('\0').Contains(entry, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile, or another user's
        }
    }
}
