using TunnelActors.Cli.Tests.Support;

using System.Text.Json;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class ConfigCommandTests
{
    [Fact]
    public void Render_ValidFile_PrintsResolvedJsonWithTypes()
    {
        // Arrange
        var path = CliRunner.WriteTemp("a = 1\nb = ${a}\nc = on\nd = 10s\ne { f = [1.5, true, null] }");
        try
        {
            // Act
            var (exit, output, _) = CliRunner.Run("config", "render", path, "--no-env");

            // Assert
            Assert.Equal(0, exit);
            var json = JsonDocument.Parse(output).RootElement;
            Assert.Equal(1, json.GetProperty("b").GetInt32());
            Assert.Equal("on", json.GetProperty("c").GetString());
            Assert.Equal("10s", json.GetProperty("d").GetString());
            Assert.Equal(JsonValueKind.True, json.GetProperty("e").GetProperty("f")[1].ValueKind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Render_BadInput_ExitsOneWithPositionOnStderr()
    {
        // Arrange
        var path = CliRunner.WriteTemp("a = 1\nhost = user@example.com");
        try
        {
            // Act
            var (exit, output, error) = CliRunner.Run("config", "render", path);

            // Assert
            Assert.Equal(1, exit);
            Assert.Empty(output);
            Assert.Contains($"{path}:2:12:", error, StringComparison.Ordinal);
            Assert.Contains("double quotes", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Render_NoEnv_DisablesEnvironmentFallback()
    {
        // Arrange
        var path = CliRunner.WriteTemp("p = ${PATH}");
        try
        {
            // Act
            var withEnv = CliRunner.Run("config", "render", path);
            var withoutEnv = CliRunner.Run("config", "render", path, "--no-env");

            // Assert
            Assert.Equal(0, withEnv.Exit);
            Assert.Equal(1, withoutEnv.Exit);
            Assert.Contains("${PATH}", withoutEnv.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
