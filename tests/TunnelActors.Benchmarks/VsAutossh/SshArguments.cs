namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>The ssh arguments both tools share: who to reach and how to trust the throwaway host key.</summary>
internal static class SshArguments
{
    public const string User = "root";

    /// <summary>Options that only make the benchmark's throwaway server reachable (no ssh_config, no host-key prompt).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Options =>
    [
        new("StrictHostKeyChecking", "no"),
        new("UserKnownHostsFile", "/dev/null"),
        new("BatchMode", "yes"),
        new("LogLevel", "ERROR"),
    ];

    /// <summary>The command-line form for autossh and plain ssh, up to but excluding the destination.</summary>
    public static IReadOnlyList<string> CommandLine(string identityFile)
    {
        var args = new List<string> { "-F", "none", "-i", identityFile, "-p", Sshd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in Options)
        {
            args.Add("-o");
            args.Add($"{key}={value}");
        }

        return args;
    }

    /// <summary>user@host of the server.</summary>
    public static string Destination => $"{User}@{NetworkFixture.ServerAddress}";
}
