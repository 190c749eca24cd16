using System.Collections.Immutable;
using System.Globalization;

namespace TunnelActors.Cli.Doctor;

/// <summary>The configuration ssh would use, as printed by <c>ssh -G</c> (one <c>keyword value</c> per line, keywords in lower case).</summary>
/// <param name="Values">Every value of every keyword, in printed order (identityfile repeats).</param>
public sealed record SshResolvedConfig(ImmutableDictionary<string, ImmutableArray<string>> Values)
{
    /// <summary>The host ssh connects to (after Host blocks and aliases).</summary>
    public string HostName => First("hostname") ?? string.Empty;

    /// <summary>The port ssh connects to.</summary>
    public int Port => int.TryParse(First("port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 22;

    /// <summary>The remote user.</summary>
    public string User => First("user") ?? string.Empty;

    /// <summary>The name host keys are stored under: HostKeyAlias if set, else the host name.</summary>
    public string HostKeyName => First("hostkeyalias") ?? HostName;

    /// <summary>The name ssh looks up in known_hosts: <c>host</c> on port 22, <c>[host]:port</c> otherwise (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT).</summary>
    public string KnownHostsLookup => Port == 22 ? HostKeyName : $"[{HostKeyName}]:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>StrictHostKeyChecking as ssh -G prints it: <c>true</c> (yes), <c>false</c> (no), <c>ask</c> or <c>accept-new</c>.</summary>
    public string StrictHostKeyChecking => First("stricthostkeychecking") ?? "ask";

    /// <summary>The identity files, <c>~</c> expanded (ssh skips the ones that do not exist).</summary>
    public ImmutableArray<string> IdentityFiles => [.. All("identityfile").Select(ExpandHome)];

    /// <summary>The known_hosts files ssh reads: the user's, then the global ones, <c>~</c> expanded.</summary>
    /// <remarks>ssh -G prints each list space-separated without quoting, so a path containing spaces cannot be told apart.</remarks>
    public ImmutableArray<string> KnownHostsFiles =>
    [
        .. All("userknownhostsfile").Concat(All("globalknownhostsfile"))
            .SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(ExpandHome),
    ];

    /// <summary>Parses the output of <c>ssh -G</c>.</summary>
    public static SshResolvedConfig Parse(string output)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = (space < 0 ? line : line[..space]).ToLowerInvariant();
            var value = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(value);
        }

        return new SshResolvedConfig(values.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>The first value of <paramref name="keyword"/>, or null.</summary>
    public string? First(string keyword) => Values.TryGetValue(keyword, out var list) && list.Length > 0 ? list[0] : null;

    /// <summary>Expands a leading <c>~</c> to the home directory, as ssh does.</summary>
    public static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;

    private IEnumerable<string> All(string keyword) => Values.TryGetValue(keyword, out var list) ? list : [];
}
