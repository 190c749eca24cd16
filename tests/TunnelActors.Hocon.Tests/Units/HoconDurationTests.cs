using TunnelActors.Hocon.Units;

namespace TunnelActors.Hocon.Tests.Units;

public sealed class HoconDurationTests
{
    [Theory]
    [InlineData("1s", 1_000_000_000L)]
    [InlineData("5 minutes", 300_000_000_000L)]
    [InlineData("0.5s", 500_000_000L)]
    [InlineData("2us", 2_000L)]
    [InlineData("3 h", 10_800_000_000_000L)]
    [InlineData("1d", 86_400_000_000_000L)]
    [InlineData("-4878955355435272204ns", -4878955355435272204L)]
    [InlineData("7", 7_000_000L)]
    public void ToNanoseconds_Units_Convert(string text, long expected)
    {
        // Act
        var nanos = HoconDuration.ToNanoseconds(new HoconString(text, default));

        // Assert
        Assert.Equal(expected, nanos);
    }

    [Theory]
    [InlineData("10 S")]
    [InlineData("infinite")]
    [InlineData("10 fortnights")]
    public void ToNanoseconds_UnknownUnit_Throws(string text)
    {
        // Act + Assert
        Assert.Throws<HoconException>(() => HoconDuration.ToNanoseconds(new HoconString(text, default)));
    }
}
