using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_ExampleConf_PrintsEveryTunnelAndExitsZero()
    {
        // Act
        var (exit, output, error) = CliRunner.Run("check", "-c", CliRunner.RepoPath("hocon/example.conf"));

        // Assert
        Assert.True(exit == 0, error);
        foreach (var name in new[] { "db", "metrics", "docker", "reverse-ssh", "socks" })
        {
            Assert.Contains($"tunnel {name}\n", output, StringComparison.Ordinal);
        }

        Assert.Contains("-L        5432:localhost:5432", output, StringComparison.Ordinal);
        Assert.Contains("ServerAliveInterval=30 ServerAliveCountMax=3", output, StringComparison.Ordinal);
        Assert.Contains("OK, 5 tunnels, digest ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConfigWithMistakes_PrintsEveryErrorAndExitsOne()
    {
        // Arrange
        var path = CliRunner.WriteTemp("tunnelactors.tunnels {\n  web { host = \"h\", local = [ \"5000:localhost\" ] }\n  api { hots = \"h\" }\n}");
        try
        {
            // Act
            var (exit, output, error) = CliRunner.Run("check", "-c", path);

            // Assert
            Assert.Equal(1, exit);
            Assert.DoesNotContain("OK", output, StringComparison.Ordinal);
            Assert.Contains(":2: tunnels.web.local[0]: \"5000:localhost\" is not a forward", error, StringComparison.Ordinal);
            Assert.Contains(":3: tunnels.api.hots: unknown setting; did you mean 'host'?", error, StringComparison.Ordinal);
            Assert.Contains(":3: tunnels.api.host: missing", error, StringComparison.Ordinal);
            Assert.Contains("3 errors", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_MissingFile_ExitsOneWithMessage()
    {
        // Act
        var (exit, _, error) = CliRunner.Run("check", "-c", "/nonexistent/tunnels.conf");

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }
}
