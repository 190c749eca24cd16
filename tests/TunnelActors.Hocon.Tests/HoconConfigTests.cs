namespace TunnelActors.Hocon.Tests;

public sealed class HoconConfigTests
{
    private static readonly HoconConfig Config = HoconParser.ParseString(
        "n = 42\ns = \"42\"\nd = 10s\nhalf = 0.5s\nsize = 512K\nflag = on\nlist = [a, 1, true]\nobj { x = 1 }\nnothing = null\nbig = 3000000000",
        "t.conf").Resolve(HoconOptions.Default.WithoutEnvironment());

    [Fact]
    public void Getters_ConvertibleValues_Convert()
    {
        // Assert
        Assert.Equal(42, Config.GetInt("n"));
        Assert.Equal(42, Config.GetInt("s"));
        Assert.Equal("42", Config.GetString("n"));
        Assert.Equal(TimeSpan.FromSeconds(10), Config.GetDuration("d"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Config.GetDuration("half"));
        Assert.Equal(TimeSpan.FromMilliseconds(42), Config.GetDuration("n"));
        Assert.Equal(512 * 1024, Config.GetBytes("size"));
        Assert.True(Config.GetBoolean("flag"));
        Assert.Equal(["a", "1", "true"], Config.GetStringList("list"));
        Assert.Equal(1, Config.GetConfig("obj").GetInt("x"));
        Assert.Equal(3_000_000_000L, Config.GetLong("big"));
    }

    [Fact]
    public void GetInt_OutOfRange_ThrowsAtTheValue()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Config.GetInt("big"));

        // Assert
        Assert.Equal(10, error.Line);
        Assert.Contains("big: expected a whole number in the 32-bit range", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.key", "missing")]
    [InlineData("nothing", "null")]
    public void GetString_AbsentOrNull_Throws(string path, string expected)
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Config.GetString(path));

        // Assert
        Assert.Contains($"'{path}' is {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetBoolean_OtherString_Throws()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Config.GetBoolean("d"));

        // Assert
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void WithFallback_UserOverReference_UserWinsObjectsMerge()
    {
        // Arrange
        var reference = HoconParser.ParseString("a { x = 1, y = 2 }\nb = 1").Resolve();
        var user = HoconParser.ParseString("a { y = 3 }").Resolve();

        // Act
        var merged = user.WithFallback(reference);

        // Assert
        Assert.Equal("{\"a\":{\"x\":1,\"y\":3},\"b\":1}", merged.ToJson(indented: false));
        Assert.Equal("{\"a\":{\"y\":3}}", user.ToJson(indented: false));
    }
}
