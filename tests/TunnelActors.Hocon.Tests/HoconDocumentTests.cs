namespace TunnelActors.Hocon.Tests;

public sealed class HoconDocumentTests
{
    private static readonly HoconOptions NoEnv = HoconOptions.Default.WithoutEnvironment();

    [Fact]
    public void WithFallback_ApplicationOverUnresolvedReference_SubstitutionSeesOverride()
    {
        // Arrange (corpus scenario test13: reference a = ${b}, b = "b"; application b = "overridden")
        var reference = HoconParser.ParseString("a = ${b}\nb = \"b\"", "reference.conf");
        var application = HoconParser.ParseString("b = \"overridden\"", "application.conf");

        // Act
        var alone = reference.Resolve(NoEnv);
        var layered = application.WithFallback(reference).Resolve(NoEnv);

        // Assert
        Assert.Equal("b", alone.GetString("a"));
        Assert.Equal("overridden", layered.GetString("a"));
    }

    [Fact]
    public void WithFallback_InputsAreNotChanged()
    {
        // Arrange
        var reference = HoconParser.ParseString("a { x = 1 }");
        var user = HoconParser.ParseString("a { y = 2 }");

        // Act
        _ = user.WithFallback(reference).Resolve(NoEnv);

        // Assert
        Assert.Equal("{\"a\":{\"x\":1}}", reference.Resolve(NoEnv).ToJson(indented: false));
        Assert.Equal("{\"a\":{\"y\":2}}", user.Resolve(NoEnv).ToJson(indented: false));
    }

    [Fact]
    public void Resolve_ArrayRoot_ThrowsExpectedObject()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => HoconParser.ParseString("[1]").Resolve(NoEnv));

        // Assert
        Assert.Contains("expected an object", error.Message, StringComparison.Ordinal);
    }
}
