using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Configuration;

public sealed class ConfigLoadResultTests
{
    [Fact]
    public void Valid_Settings_IsValidWithoutErrors()
    {
        var result = ConfigLoadResult.Valid(TestSettings.Create("/s", ["a"]));

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Invalid_Errors_IsInvalidWithoutSettings()
    {
        var result = ConfigLoadResult.Invalid(["f:1:1: bad"]);

        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
    }

    [Fact]
    public void Invalid_NoErrors_IsRefused() => Assert.Throws<ArgumentException>(() => ConfigLoadResult.Invalid([]));
}
