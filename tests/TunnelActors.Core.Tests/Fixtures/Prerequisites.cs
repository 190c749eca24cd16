namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>What this machine offers to integration tests; each check runs once and says what is missing.</summary>
public static class Prerequisites
{
    private static readonly Lazy<string?> SshdMissing = new(CheckSshd);
    private static readonly Lazy<string?> NetnsMissing = new(CheckNetns);

    /// <summary>The sshd binary.</summary>
    public const string Sshd = "/usr/sbin/sshd";

    /// <summary>Why real-sshd tests cannot run here, or null when they can.</summary>
    public static string? WhySshdMissing => SshdMissing.Value;

    /// <summary>Why network-namespace tests cannot run here, or null when they can.</summary>
    public static string? WhyNetnsMissing => NetnsMissing.Value;

    /// <summary>Whether the tests run as root.</summary>
    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>The first existing path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string? CheckSshd()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "needs Linux";
        }

        var missing = new[] { "ssh", "ssh-keygen" }.Where(p => Which(p) is null).ToList();
        if (!File.Exists(Sshd))
        {
            missing.Add(Sshd);
        }

        return missing.Count == 0 ? null : $"needs {string.Join(", ", missing)} (apt-get install openssh-client openssh-server)";
    }

    private static string? CheckNetns()
    {
        if (CheckSshd() is { } sshd)
        {
            return sshd;
        }

        if (!IsRoot)
        {
            return "needs root (ip netns, iptables)";
        }

        var missing = new[] { "ip", "iptables", "nc" }.Where(p => Which(p) is null).ToList();
        if (missing.Count > 0)
        {
            return $"needs {string.Join(", ", missing)} (apt-get install iproute2 iptables netcat-openbsd)";
        }

        var name = $"ta-test-probe-{Environment.ProcessId}";
        try
        {
            var add = ProcessRunner.Run("ip", "netns", "add", name);
            if (add.ExitCode != 0)
            {
                return $"cannot create a network namespace: {add.StandardError.Trim()}";
            }

            var filter = ProcessRunner.Run("ip", "netns", "exec", name, "iptables", "-L", "INPUT", "-n");
            return filter.ExitCode == 0 ? null : $"iptables does not work in a namespace: {filter.StandardError.Trim()}";
        }
        finally
        {
            ProcessRunner.Run("ip", "netns", "delete", name);
        }
    }
}
