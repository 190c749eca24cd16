using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Ssh;

/// <summary>Asks the real ssh (<c>ssh -G</c> prints the effective configuration without connecting) whether the
/// builder's argument order gives the user's options precedence over the defaults.</summary>
public sealed class SshCommandBuilderEffectiveConfigTests
{
    [RequiresSshdFact]
    public void Build_UserOptionsAndDefaults_RealSshSeesUsersValuesFirst()
    {
        var tunnel = new TunnelSettings(
            "cfg",
            new SshDestination("gw.example", "ops", 2200, "/keys/id_ed25519"),
            [], [], [],
            [new("serveraliveinterval", "5"), new("Port", "2300")],
            ["-F", "/dev/null", "-o", "ConnectTimeout=3"],
            "ssh",
            TestSettings.Monitor(MonitorMode.None),
            TestSettings.Backoff(),
            TestSettings.Limits(),
            TimeSpan.FromSeconds(1));
        var command = SshCommandBuilder.Build(tunnel, MonitorForwards.LoopUnix("/run/ta", "/tmp", "cfg", 1, "feedf00d"));

        var effective = Effective(command);

        Assert.Equal("5", effective["serveraliveinterval"]);
        Assert.Equal("3", effective["connecttimeout"]);
        Assert.Equal("2300", effective["port"]); // -o Port came before -p
        Assert.Equal("ops", effective["user"]);
        Assert.Equal("3", effective["serveralivecountmax"]);
        Assert.Equal("yes", effective["batchmode"]);
        Assert.Equal("yes", effective["exitonforwardfailure"]);
        Assert.Equal("yes", effective["streamlocalbindunlink"]);
        Assert.Equal("false", effective["controlmaster"]); // ssh -G prints ControlMaster=no as "false"
        Assert.Equal("/run/ta/cfg-1-feedf00d.l /tmp/ta-cfg-1-feedf00d.r", effective["localforward"]);
        Assert.Equal("/tmp/ta-cfg-1-feedf00d.r /run/ta/cfg-1-feedf00d.b", effective["remoteforward"]);
    }

    private static Dictionary<string, string> Effective(SshCommand command)
    {
        var result = ProcessRunner.RunChecked(command.FileName, ["-G", .. command.Arguments]);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
    }
}
