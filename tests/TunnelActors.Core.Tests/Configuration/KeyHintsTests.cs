using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class KeyHintsTests
{
    [Theory]
    [InlineData("hots", "host")]
    [InlineData("identityfile", "identity-file")]
    [InlineData("Monitor", "monitor")]
    [InlineData("completely-unrelated", null)]
    public void Closest_Misspelling_SuggestsKnownKey(string key, string? expected)
    {
        // Act
        var hint = KeyHints.Closest(key, ["host", "identity-file", "monitor", "local"]);

        // Assert
        Assert.Equal(expected, hint);
    }
}
