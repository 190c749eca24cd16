using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Tests of the C <c>strtoul</c>/<c>strtol</c> emulation that every autossh number goes through.</summary>
public sealed class CNumberTests
{
    [Theory]
    [InlineData("600", 600UL, false)]
    [InlineData("0x10", 16UL, false)]
    [InlineData("0X1f", 31UL, false)]
    [InlineData("017", 15UL, false)]
    [InlineData("  7", 7UL, false)]
    [InlineData("+7", 7UL, false)]
    [InlineData("-1", ulong.MaxValue, false)]
    [InlineData("-5", 18446744073709551611UL, false)]
    [InlineData("99999999999999999999", ulong.MaxValue, false)]
    [InlineData("", 0UL, true)]
    [InlineData("abc", 0UL, true)]
    [InlineData("12 ", 12UL, true)]
    [InlineData("0x", 0UL, true)]
    [InlineData("08", 0UL, true)]
    [InlineData("1.5", 1UL, true)]
    [InlineData("   ", 0UL, true)]
    public void StrToUL_Text_MatchesGlibc(string text, ulong value, bool junk)
    {
        var parsed = CNumber.StrToUL(text);

        Assert.Equal(value, parsed.Value);
        Assert.Equal(junk, parsed.IsEmptyOrJunk);
    }

    [Theory]
    [InlineData("-2", -2L)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    [InlineData("99999999999999999999", long.MaxValue)]
    [InlineData("-99999999999999999999", long.MinValue)]
    public void StrToL_Text_SaturatesLikeGlibc(string text, long value) =>
        Assert.Equal(value, CNumber.StrToL(text).Value);

    [Theory]
    [InlineData(4294967297UL, 1)]
    [InlineData(18446744073709551611UL, -5)]
    public void ToCInt_Value_KeepsLow32Bits(ulong value, int expected) => Assert.Equal(expected, CNumber.ToCInt(value));
}
