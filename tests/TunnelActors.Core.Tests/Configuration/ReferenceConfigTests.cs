using TunnelActors.Core.Configuration;
using TunnelActors.Hocon;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class ReferenceConfigTests
{
    [Fact]
    public void Text_Embedded_EqualsTheRepositoryFile()
    {
        // Assert
        Assert.Equal(File.ReadAllText(RepoFiles.Path("hocon/reference.conf")), ReferenceConfig.Text);
    }

    [Fact]
    public void Document_ReferenceAlone_BindsWithoutErrors()
    {
        // Act
        var result = ConfigurationBinder.LoadText("tunnelactors {}", "empty.conf", _ => null);

        // Assert
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Empty(result.Settings!.Tunnels);
    }

    [Theory]
    [InlineData("defaults", new[] { "ssh-path", "user", "port", "identity-file", "ssh-options", "ssh-args", "monitor", "backoff", "limits", "stop-grace-period" })]
    [InlineData("defaults.monitor", new[] { "mode", "transport", "port", "echo-port", "remote-socket-dir", "first-probe-delay", "interval", "timeout", "min-timeout", "max-timeout", "confirm-retries", "confirm-interval" })]
    [InlineData("defaults.backoff", new[] { "min", "max", "random-factor", "stable-after", "immediate-first-restart" })]
    [InlineData("defaults.limits", new[] { "gate-time", "max-starts", "max-lifetime", "restart-on-clean-exit" })]
    [InlineData("supervisor", new[] { "max-concurrent-handshakes", "handshake-timeout" })]
    [InlineData("journal", new[] { "path", "retention-age", "retention-rows-per-tunnel", "buffer-capacity", "snapshot-every" })]
    [InlineData("control", new[] { "socket-path", "tcp-port", "token-file" })]
    public void Document_EveryBoundSetting_IsDocumentedWithADefault(string block, string[] keys)
    {
        // Act
        var documented = ReferenceConfig.Document.Resolve(HoconOptions.Default.WithoutEnvironment()).GetObject("tunnelactors." + block).Keys;

        // Assert
        Assert.Equal(keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }
}
