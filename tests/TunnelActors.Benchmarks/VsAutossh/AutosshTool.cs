using System.Globalization;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>autossh 1.4g from Debian (<c>/usr/bin/autossh</c>, the wrapper that execs /usr/lib/autossh/autossh), one process per tunnel.</summary>
internal sealed class AutosshTool(NetworkFixture network, string identityFile) : ITunnelTool
{
    public string Name => "autossh";

    public string? Unavailable => File.Exists("/usr/bin/autossh") ? null : "/usr/bin/autossh not installed (apt-get install autossh)";

    /// <summary>How each profile is expressed for autossh (printed with the results).</summary>
    public static string Describe(Profile profile) => profile switch
    {
        Profile.Restart => "autossh -M 0, AUTOSSH_GATETIME=0",
        Profile.EchoEvery5s => "autossh -M port:7 (echo), AUTOSSH_POLL=5 (net timeout 2.5 s), AUTOSSH_GATETIME=0",
        Profile.ServerAlive => "autossh -M 0 -o ServerAliveInterval=1 -o ServerAliveCountMax=3, AUTOSSH_GATETIME=0",
        Profile.Defaults => "autossh defaults (Debian wrapper picks a loop port, POLL 600 s), plain -N -L",
        Profile.Fleet => "autossh -M port (loop), AUTOSSH_POLL=10, AUTOSSH_FIRST_POLL=30, AUTOSSH_GATETIME=0",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    public async Task<IToolRun> StartAsync(TunnelPlan plan, CancellationToken cancellationToken)
    {
        var log = Path.Combine(plan.WorkDir, "autossh.log");
        var processes = new List<ChildProcess>();
        try
        {
            for (var i = 0; i < plan.Count; i++)
            {
                processes.Add(ChildProcess.Start(network.ClientName, ["/usr/bin/autossh", .. Arguments(plan.Profile, i, identityFile)], Environment(plan.Profile, log)));
            }
        }
        catch
        {
            await new AutosshRun(processes).DisposeAsync();
            throw;
        }

        return new AutosshRun(processes);
    }

    /// <summary>autossh's arguments (after the program name) for tunnel <paramref name="index"/>; also fed to our drop-in.</summary>
    public static List<string> Arguments(Profile profile, int index, string identityFile)
    {
        var argv = new List<string>();
        var port = TunnelPlan.MonitorPort(index).ToString(CultureInfo.InvariantCulture);
        argv.AddRange(profile switch
        {
            Profile.Restart => ["-M", "0", "-o", "ExitOnForwardFailure=yes"],
            Profile.EchoEvery5s => ["-M", $"{port}:{TunnelPlan.EchoMonitorPort}", "-o", "ExitOnForwardFailure=yes"],
            Profile.ServerAlive => ["-M", "0", "-o", "ExitOnForwardFailure=yes", "-o", "ServerAliveInterval=1", "-o", "ServerAliveCountMax=3"],
            Profile.Defaults => [],
            Profile.Fleet => ["-M", port, "-o", "ExitOnForwardFailure=yes"],
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
        });
        argv.AddRange(SshArguments.CommandLine(identityFile));
        argv.AddRange(["-N", "-L", TunnelPlan.LocalForward(index), SshArguments.Destination]);
        return argv;
    }

    /// <summary>The AUTOSSH_* environment for <paramref name="profile"/>; also fed to our drop-in.</summary>
    public static Dictionary<string, string> Environment(Profile profile, string log)
    {
        var env = new Dictionary<string, string> { ["AUTOSSH_PATH"] = "/usr/bin/ssh", ["AUTOSSH_LOGFILE"] = log };
        if (profile != Profile.Defaults)
        {
            // The first-run gate would make autossh exit when ssh fails within 30 s of its first start (spec §4.1);
            // every supervised (systemd, -f) deployment turns it off, and ours does not have it by default.
            env["AUTOSSH_GATETIME"] = "0";
        }

        if (profile == Profile.EchoEvery5s)
        {
            env["AUTOSSH_POLL"] = "5";
        }
        else if (profile == Profile.Fleet)
        {
            // FIRST_POLL defaults to POLL: with many tunnels starting at once a handshake queued behind sshd's
            // MaxStartups can take longer than 10 s, and autossh would kill it at its first test (spec §2). 30 s
            // spares autossh that self-inflicted herd, so the fleet figures favour autossh, not us.
            env["AUTOSSH_POLL"] = "10";
            env["AUTOSSH_FIRST_POLL"] = "30";
        }

        return env;
    }
}
