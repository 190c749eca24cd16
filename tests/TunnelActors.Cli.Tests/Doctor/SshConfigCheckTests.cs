using TunnelActors.Cli.Doctor;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class SshConfigCheckTests
{
    [Fact]
    public void Arguments_TunnelWithForwards_DropsNAndForwardsKeepsOptionsAndDestination()
    {
        var tunnel = ConfigurationBinder.LoadText("""
            tunnelactors.tunnels.web {
              host = "example.org", port = 2200, user = "u"
              local = ["8080:127.0.0.1:80"], remote = ["9090:127.0.0.1:90"], dynamic = ["1080"]
              monitor.mode = none
            }
            """).GetSettingsOrThrow().Tunnels.Single();

        var args = SshConfigCheck.Arguments(tunnel);

        Assert.Equal("-G", args[0]);
        Assert.DoesNotContain("-N", args);
        Assert.DoesNotContain("-L", args);
        Assert.DoesNotContain("-R", args);
        Assert.DoesNotContain("-D", args);
        Assert.DoesNotContain("8080:127.0.0.1:80", args);
        Assert.Contains("ExitOnForwardFailure=yes", args);
        Assert.Equal(["-p", "2200", "-l", "u", "example.org"], args.TakeLast(5));
    }
}
