namespace TunnelActors.Hocon.Tests;

public sealed class HoconJsonTests
{
    [Fact]
    public void Render_Canonical_SortsKeysAndKeepsTypes()
    {
        // Arrange
        var config = HoconParser.ParseString("b = 1.5\na = { y = \"s\\n\", x = [true, null, 10s] }").Resolve(HoconOptions.Default.WithoutEnvironment());

        // Act
        var json = HoconJson.Render(config.Root, canonical: true);

        // Assert
        Assert.Equal("{\"a\":{\"x\":[true,null,\"10s\"],\"y\":\"s\\n\"},\"b\":1.5}", json);
    }
}
