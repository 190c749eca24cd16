using System.Numerics;
using TunnelActors.Hocon.Units;

namespace TunnelActors.Hocon.Tests.Units;

public sealed class HoconSizeTests
{
    [Theory]
    [InlineData("1M", "1048576")]
    [InlineData("0.5M", "524288")]
    [InlineData("1024K", "1048576")]
    [InlineData("10kB", "10000")]
    [InlineData("2 MiB", "2097152")]
    [InlineData("1 megabyte", "1000000")]
    [InlineData("128000b", "128000")]
    [InlineData("1YB", "1000000000000000000000000")]
    public void ToBytes_Units_Convert(string text, string expected)
    {
        // Act
        var bytes = HoconSize.ToBytes(new HoconString(text, default));

        // Assert
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bytes);
    }

    [Fact]
    public void ToBytes_UnknownUnit_Throws()
    {
        // Act + Assert
        Assert.Throws<HoconException>(() => HoconSize.ToBytes(new HoconString("3 bananas", default)));
    }
}
