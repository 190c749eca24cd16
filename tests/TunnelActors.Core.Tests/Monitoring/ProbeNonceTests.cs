using System.Text;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tests.Monitoring;

public sealed class ProbeNonceTests
{
    private static readonly byte[] Random16 = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];

    [Fact]
    public void Bytes_KnownFields_WireFormat()
    {
        var nonce = ProbeNonce.Create("db", 3, 17, Random16);

        Assert.Equal("TA1 db 3 17 000102030405060708090a0b0c0d0e0f\n", Encoding.ASCII.GetString(nonce.Bytes.Span));
    }

    [Fact]
    public void Matches_ExactBytesOnly()
    {
        var nonce = ProbeNonce.Create("db", 3, 17, Random16);
        var copy = nonce.Bytes.ToArray();
        var altered = nonce.Bytes.ToArray();
        altered[^2] ^= 1;

        Assert.True(nonce.Matches(copy));
        Assert.False(nonce.Matches(altered));
        Assert.False(nonce.Matches(copy.AsSpan(0, copy.Length - 1)));
    }

    [Fact]
    public void Create_ManyNonces_AllDistinct()
    {
        var nonces = Enumerable.Range(0, 1000).Select(i => ProbeNonce.Create("db", 1, 1).ToString()).ToHashSet();

        Assert.Equal(1000, nonces.Count);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("new\nline")]
    [InlineData("")]
    public void Create_BadTunnelName_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => ProbeNonce.Create(name, 1, 1, Random16));
    }
}
