namespace TunnelActors.Hocon.Tests;

public sealed class HoconPathTests
{
    [Theory]
    [InlineData("a.b.c", new[] { "a", "b", "c" })]
    [InlineData("a.\"b.c\"", new[] { "a", "b.c" })]
    [InlineData("\"\".\"\"", new[] { "", "" })]
    [InlineData("", new string[0])]
    public void Parse_Expressions_SplitOutsideQuotes(string expression, string[] expected)
    {
        // Act
        var keys = HoconPath.Parse(expression);

        // Assert
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Parse_EmptyUnquotedElement_Throws()
    {
        // Act + Assert
        Assert.Throws<HoconException>(() => HoconPath.Parse("a..b"));
    }

    [Fact]
    public void Render_KeysNeedingQuotes_AreQuoted()
    {
        // Act
        var text = HoconPath.Render(["tunnels", "my tunnel", "a.b", "web-1", ""]);

        // Assert
        Assert.Equal("tunnels.\"my tunnel\".\"a.b\".web-1.\"\"", text);
    }
}
