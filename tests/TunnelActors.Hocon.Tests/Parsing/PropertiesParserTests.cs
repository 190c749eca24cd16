using TunnelActors.Hocon.Parsing;

namespace TunnelActors.Hocon.Tests.Parsing;

public sealed class PropertiesParserTests
{
    [Fact]
    public void Parse_JavaProperties_SplitsKeysAndKeepsStrings()
    {
        // Arrange
        const string text = "# comment\n! also\na.b = 1\nc:two\nd three \\\n  continued\ne=x\\u0041\na = hidden\n";

        // Act
        var obj = PropertiesParser.Parse(text, "t.properties");
        var config = new HoconConfig(obj);

        // Assert
        Assert.Equal("1", Assert.IsType<HoconString>(config.GetValue("a.b")).Value);
        Assert.Equal("two", config.GetString("c"));
        Assert.Equal("three continued", config.GetString("d"));
        Assert.Equal("xA", config.GetString("e"));
        Assert.Equal(3, config.GetValue("a.b").Origin.Line);
    }
}
