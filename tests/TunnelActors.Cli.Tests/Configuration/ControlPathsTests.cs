using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Configuration;

public sealed class ControlPathsTests
{
    [Fact]
    public void Paths_Relative_AreUnderTheStateDir()
    {
        var settings = TestSettings.Create("/srv/ta", [], new ControlSettings("sub/control.sock", 9999, "token"));

        Assert.Equal("/srv/ta/sub/control.sock", ControlPaths.Socket(settings));
        Assert.Equal("/srv/ta/token", ControlPaths.TokenFile(settings));
    }

    [Fact]
    public void TokenFile_NotConfigured_IsNull() =>
        Assert.Null(ControlPaths.TokenFile(TestSettings.Create("/srv/ta", [], new ControlSettings("/run/c.sock", null, null))));
}
