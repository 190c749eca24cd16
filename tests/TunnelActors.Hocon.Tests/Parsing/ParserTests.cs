namespace TunnelActors.Hocon.Tests.Parsing;

public sealed class ParserTests
{
    private static HoconConfig Load(string text) => HoconParser.ParseString(text, "t.conf").Resolve(HoconOptions.Default.WithoutEnvironment());

    [Theory]
    [InlineData("[", 100_000)]
    [InlineData("a={", 100_000)]
    [InlineData("a{", 100_000)]
    public void ParseString_HundredThousandNestedOpenings_ThrowsDepthErrorWithPosition(string opening, int count)
    {
        // Arrange
        var text = string.Concat(Enumerable.Repeat(opening, count));

        // Act
        var error = Assert.Throws<HoconException>(() => Load(text));

        // Assert
        Assert.True(error.Line == 1 && error.Column > 0, error.Message);
        Assert.Contains("deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_HundredThousandOpeningBraces_ThrowsPositionedError()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Load(new string('{', 100_000)));

        // Assert
        Assert.Equal((1, 2), (error.Line, error.Column));
        Assert.Contains("cannot start a key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_HundredThousandElementPathKey_ThrowsDepthError()
    {
        // Arrange
        var text = string.Join('.', Enumerable.Repeat("a", 100_000)) + " = 1";

        // Act
        var error = Assert.Throws<HoconException>(() => Load(text));

        // Assert
        Assert.Contains("levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_UnquotedHostPort_ErrorSuggestsQuotingAtTheColon()
    {
        // Arrange
        const string text = "tunnels {\n  web {\n    host = example.com:22\n  }\n}";

        // Act
        var error = Assert.Throws<HoconException>(() => Load(text));

        // Assert
        Assert.Equal(("t.conf", 3, 23), (error.File, error.Line, error.Column));
        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_ForwardSpecUnquotedInArray_ErrorSuggestsQuoting()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Load("local = [ 5000:localhost:5000 ]"));

        // Assert
        Assert.Equal(1, error.Line);
        Assert.Contains("\"5000:localhost:5000\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseString_UnclosedObject_NamesWhereItWasOpened()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Load("a {\n  b = 1\n"));

        // Assert
        Assert.Contains("opened at line 1, column 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void ParseString_OnOffYesNo_StayStrings()
    {
        // Act
        var config = Load("a = on, b = off, c = yes, d = true");

        // Assert
        Assert.Equal(HoconValueKind.String, config.GetValue("a").Kind);
        Assert.Equal(HoconValueKind.Boolean, config.GetValue("d").Kind);
        Assert.True(config.GetBoolean("a"));
        Assert.False(config.GetBoolean("b"));
    }

    [Fact]
    public void ParseString_PlusEqualsInNestedObject_AppendsToFullPath()
    {
        // Act
        var config = Load("x { a = [1] }\nx { a += 2 }");

        // Assert
        Assert.Equal("[1,2]", HoconJson.Render(config.GetValue("x.a"), indented: false));
    }

    [Fact]
    public void ParseString_BigInteger_IsDoubleNumberNotString()
    {
        // Act
        var value = Assert.IsType<HoconNumber>(Load("a = 9223372036854775808").GetValue("a"));

        // Assert
        Assert.False(value.IsInteger);
        Assert.Equal(9223372036854775808d, value.Value);
        Assert.Equal("9223372036854775808", value.Text);
    }
}
