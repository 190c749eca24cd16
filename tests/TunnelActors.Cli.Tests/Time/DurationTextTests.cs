using TunnelActors.Cli.Time;

namespace TunnelActors.Cli.Tests.Time;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("1h 30m", -1)]
    [InlineData("500ms", 0.5)]
    [InlineData("", -1)]
    [InlineData("1", -1)]
    [InlineData("h", -1)]
    [InlineData("1y", -1)]
    [InlineData("-1h", -1)]
    [InlineData("99999999999999999999d", -1)]
    public void TryParse_Text_ParsesUnitsOrRejects(string text, double expectedSeconds)
    {
        var ok = DurationText.TryParse(text, out var duration);

        Assert.Equal(expectedSeconds >= 0, ok);
        if (ok)
        {
            Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), duration);
        }
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(42, "42s")]
    [InlineData(312, "5m12s")]
    [InlineData(300, "5m")]
    [InlineData(7980, "2h13m")]
    [InlineData(273600, "3d4h")]
    [InlineData(-5, "0s")]
    public void Format_Duration_UsesTheTwoLargestUnits(int seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}
