using TunnelActors.Cli.Client;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Client;

public sealed class ControlSocketLocatorTests
{
    private static readonly ControlSocketLocator Locator = new(
        new DelegateConfigLoader(path => path.EndsWith("bad.conf", StringComparison.Ordinal)
            ? ConfigLoadResult.Invalid([$"{path}:1:1: nope"])
            : ConfigLoadResult.Valid(TestSettings.Create("/srv/ta", ["a"], new ControlSettings(path.EndsWith("abs.conf", StringComparison.Ordinal) ? "/run/ta/api.sock" : "ctl.sock", null, null)))),
        () => "/var/lib/tunnelactors");

    [Fact]
    public void Locate_SocketOption_WinsOverTheConfiguration() =>
        Assert.Equal("/tmp/x.sock", Locator.Locate("/tmp/x.sock", "/etc/ta.conf").Path);

    [Fact]
    public void Locate_RelativeSocketInConfiguration_IsUnderTheStateDir() =>
        Assert.Equal("/srv/ta/ctl.sock", Locator.Locate(null, "/etc/ta.conf").Path);

    [Fact]
    public void Locate_AbsoluteSocketInConfiguration_IsTakenAsIs() =>
        Assert.Equal("/run/ta/api.sock", Locator.Locate(null, "/etc/abs.conf").Path);

    [Fact]
    public void Locate_NothingGiven_IsControlSockInTheDefaultStateDir() =>
        Assert.Equal("/var/lib/tunnelactors/control.sock", Locator.Locate(null, null).Path);

    [Fact]
    public void Locate_InvalidConfiguration_ReturnsItsErrors()
    {
        var (path, errors) = Locator.Locate(null, "/etc/bad.conf");

        Assert.Null(path);
        Assert.Equal<string>(["/etc/bad.conf:1:1: nope"], errors);
    }
}
