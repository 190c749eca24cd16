namespace TunnelActors.Hocon.Tests.Parsing;

public sealed class IncludeLoaderTests
{
    private static readonly HoconOptions NoEnv = HoconOptions.Default.WithoutEnvironment();

    [Fact]
    public void Load_IncludeCycle_ThrowsNamingTheChainAtTheIncludeLine()
    {
        // Arrange
        using var dir = new TempDir();
        var a = dir.Write("a.conf", "x = 1\ninclude \"b.conf\"");
        dir.Write("b.conf", "y = 2\n\ninclude \"a.conf\"");

        // Act
        var error = Assert.Throws<HoconException>(() => HoconParser.Load(a, NoEnv));

        // Assert
        Assert.EndsWith("b.conf", error.File, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Contains("a.conf -> b.conf -> a.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NestedRelativeIncludes_ResolveAgainstTheIncludingFile()
    {
        // Arrange
        using var dir = new TempDir();
        var main = dir.Write("main.conf", "tunnels { include \"conf.d/web\" }");
        dir.Write("conf.d/web.conf", "web { host = \"example.com\" }\ninclude file(\"more.conf\")");
        dir.Write("conf.d/more.conf", "db { host = db }");

        // Act
        var config = HoconParser.Load(main, NoEnv);

        // Assert
        Assert.Equal("example.com", config.GetString("tunnels.web.host"));
        Assert.Equal("db", config.GetString("tunnels.db.host"));
    }

    [Fact]
    public void Load_MissingOptionalInclude_IsIgnoredButRequiredFails()
    {
        // Arrange
        using var dir = new TempDir();
        var optional = dir.Write("o.conf", "include \"nothere\"\na = 1");
        var required = dir.Write("r.conf", "a = 1\ninclude required(file(\"nothere.conf\"))");

        // Act
        var config = HoconParser.Load(optional, NoEnv);
        var error = Assert.Throws<HoconException>(() => HoconParser.Load(required, NoEnv));

        // Assert
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, error.Line);
        Assert.Contains("required include \"nothere.conf\" not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include url(\"http://example.com/x.conf\")", "never fetched over the network")]
    [InlineData("include classpath(\"x.conf\")", "needs a classpath root")]
    [InlineData("include \"arr.conf\"", "array at its root")]
    [InlineData("include foo", "expected a quoted name")]
    public void Load_UnsupportedInclude_ThrowsClearError(string statement, string expected)
    {
        // Arrange
        using var dir = new TempDir();
        dir.Write("arr.conf", "[1, 2]");
        var main = dir.Write("main.conf", statement);

        // Act
        var error = Assert.Throws<HoconException>(() => HoconParser.Load(main, NoEnv));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Load_IncludedSubstitution_LooksAtIncludePointThenRoot()
    {
        // Arrange
        using var dir = new TempDir();
        var main = dir.Write("main.conf", "port = 22\nweb { include \"inc.conf\" }");
        dir.Write("inc.conf", "name = web\nlabel = ${name}\np = ${port}");

        // Act
        var config = HoconParser.Load(main, NoEnv);

        // Assert
        Assert.Equal("web", config.GetString("web.label"));
        Assert.Equal(22, config.GetInt("web.p"));
    }
}
