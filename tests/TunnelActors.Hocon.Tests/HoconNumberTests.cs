namespace TunnelActors.Hocon.Tests;

public sealed class HoconNumberTests
{
    [Theory]
    [InlineData("42", true, 42d)]
    [InlineData("-5", true, -5d)]
    [InlineData("0.5", false, 0.5d)]
    [InlineData("1e5", false, 100000d)]
    [InlineData("10e+3", false, 10000d)]
    public void TryParse_JsonNumbers_Parse(string text, bool isInteger, double value)
    {
        // Act
        var number = HoconNumber.TryParse(text, default);

        // Assert
        Assert.NotNull(number);
        Assert.Equal((isInteger, value, text), (number.IsInteger, number.Value, number.Text));
    }

    [Theory]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1.0.0")]
    [InlineData("1-e3")]
    [InlineData("10e3e3")]
    [InlineData("-")]
    [InlineData("+5")]
    [InlineData("+1e5")]
    public void TryParse_NotJsonNumbers_ReturnNull(string text)
    {
        // Act + Assert
        Assert.Null(HoconNumber.TryParse(text, default));
    }
}
