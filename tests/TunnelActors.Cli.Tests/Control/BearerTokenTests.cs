using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Tests.Control;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer s3cret", true)]
    [InlineData("bearer s3cret", true)]
    [InlineData("Bearer s3cret ", true)]
    [InlineData("Bearer s3cre", false)]
    [InlineData("Bearer s3cret0", false)]
    [InlineData("Basic s3cret", false)]
    [InlineData("s3cret", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Accepts_AuthorizationHeader_OnlyTheExactBearerToken(string? header, bool expected) =>
        Assert.Equal(expected, BearerToken.FromValue("s3cret").Accepts(header));

    [Fact]
    public void FromFile_TrailingNewline_IsTrimmed()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "  tok-en\n");

            Assert.True(BearerToken.FromFile(file).Accepts("Bearer tok-en"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FromFile_Empty_IsRefused()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Throws<InvalidDataException>(() => BearerToken.FromFile(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
