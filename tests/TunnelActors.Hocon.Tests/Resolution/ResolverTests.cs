namespace TunnelActors.Hocon.Tests.Resolution;

public sealed class ResolverTests
{
    private static HoconConfig Resolve(string text, HoconOptions options) => HoconParser.ParseString(text, "t.conf").Resolve(options);

    [Fact]
    public void Resolve_EnvironmentFallbackOn_UsesInjectedLookupAsString()
    {
        // Arrange
        var options = HoconOptions.Default with { EnvironmentLookup = name => name == "TUNNEL_PORT" ? "2222" : null };

        // Act
        var config = Resolve("port = 22\nport = ${?TUNNEL_PORT}", options);

        // Assert
        Assert.Equal(HoconValueKind.String, config.GetValue("port").Kind);
        Assert.Equal(2222, config.GetInt("port"));
    }

    [Fact]
    public void Resolve_EnvironmentFallbackOff_IgnoresTheLookup()
    {
        // Arrange
        var options = HoconOptions.Default.WithoutEnvironment() with { EnvironmentLookup = _ => "from-env" };

        // Act
        var config = Resolve("port = 22\nport = ${?TUNNEL_PORT}", options);

        // Assert
        Assert.Equal(22, config.GetInt("port"));
    }

    [Fact]
    public void Resolve_UndefinedSubstitution_ErrorNamesPathAndPosition()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Resolve("a = 1\nb = x${nope.deep}", HoconOptions.Default.WithoutEnvironment()));

        // Assert
        Assert.Equal((2, 6), (error.Line, error.Column));
        Assert.Contains("${nope.deep}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Cycle_ErrorShowsTheChain()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Resolve("a = ${b}\nb = [${a}]", HoconOptions.Default.WithoutEnvironment()));

        // Assert
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HundredThousandLongSubstitutionChain_ThrowsInsteadOfOverflowing()
    {
        // Arrange
        var text = string.Join('\n', Enumerable.Range(0, 100_000).Select(i => $"a{i} = ${{a{i + 1}}}")) + "\na100000 = 1";

        // Act
        var error = Record.Exception(() => Resolve(text, HoconOptions.Default.WithoutEnvironment()));

        // Assert
        Assert.True(error is null or HoconException, error?.ToString());
    }

    [Fact]
    public void Resolve_InheritanceIdiom_MergesBaseAndOverride()
    {
        // Act
        var config = Resolve("base { a = 1, b = 2 }\nx = ${base} { b = 3 }\ny = ${base}\ny { c = 4 }", HoconOptions.Default.WithoutEnvironment());

        // Assert
        Assert.Equal("{\"a\":1,\"b\":3}", HoconJson.Render(config.GetValue("x"), indented: false));
        Assert.Equal("{\"a\":1,\"b\":2,\"c\":4}", HoconJson.Render(config.GetValue("y"), indented: false));
    }
}
