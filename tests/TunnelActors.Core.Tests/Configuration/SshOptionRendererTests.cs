using TunnelActors.Core.Configuration;
using TunnelActors.Hocon;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class SshOptionRendererTests
{
    private static (List<KeyValuePair<string, string>> Options, ErrorSink Errors) Render(string text)
    {
        var obj = HoconParser.ParseString(text, "t.conf").Resolve(HoconOptions.Default.WithoutEnvironment()).Root;
        var errors = new ErrorSink();
        return (SshOptionRenderer.Render(new SettingsReader(obj, "ssh-options", errors)), errors);
    }

    [Fact]
    public void Render_TypedValues_RenderTheWaySshExpects()
    {
        // Act
        var (options, errors) = Render("A = true, B = false, C = on, D = 30s, E = 2 minutes, F = 3, G = \"ssh -W %h:%p jump\", H = null, I = \"1G 1h\"");

        // Assert
        Assert.Equal(0, errors.Count);
        Assert.Equal(
            ["A=yes", "B=no", "C=yes", "D=30", "E=120", "F=3", "G=ssh -W %h:%p jump", "I=1G 1h"],
            options.Select(o => $"{o.Key}={o.Value}"));
    }

    [Theory]
    [InlineData("A = 1500ms", "whole number of seconds")]
    [InlineData("A = [x, y]", "single value")]
    [InlineData("\"Bad Name\" = 1", "not an ssh option name")]
    public void Render_Unrenderable_RecordsError(string text, string expected)
    {
        // Act
        var (options, errors) = Render(text);

        // Assert
        Assert.Empty(options);
        Assert.Contains(expected, Assert.Single(errors.ToImmutable()).Message, StringComparison.Ordinal);
    }
}
