using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class ConfigurationErrorTests
{
    [Fact]
    public void ToString_SettingError_IsFileLinePathMessage()
    {
        // Arrange
        var error = new ConfigurationError("example.conf", 12, 5, "tunnels.web.local[1]", "\"5000:localhost\" is not a forward");

        // Act + Assert
        Assert.Equal("example.conf:12: tunnels.web.local[1]: \"5000:localhost\" is not a forward", error.ToString());
    }

    [Fact]
    public void ToString_SyntaxError_IncludesColumn()
    {
        // Arrange
        var error = new ConfigurationError("example.conf", 3, 17, string.Empty, "unexpected ':'");

        // Act + Assert
        Assert.Equal("example.conf:3:17: unexpected ':'", error.ToString());
    }
}
