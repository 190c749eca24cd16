using System.Text.Json;
using TunnelActors.Cli.Control;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Control;

public sealed class TunnelStateJsonConverterTests
{
    [Theory]
    [InlineData(TunnelState.Starting, "starting")]
    [InlineData(TunnelState.Connecting, "connecting")]
    [InlineData(TunnelState.Up, "up")]
    [InlineData(TunnelState.Degraded, "degraded")]
    [InlineData(TunnelState.BackingOff, "backing-off")]
    [InlineData(TunnelState.Failed, "failed")]
    [InlineData(TunnelState.Stopped, "stopped")]
    public void WireName_EveryState_IsLowerKebabAndMatchesTheConverter(TunnelState state, string expected)
    {
        var options = new JsonSerializerOptions { Converters = { new TunnelStateJsonConverter() } };

        Assert.Equal(expected, TunnelStateJsonConverter.WireName(state));
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(state, options));
    }

    [Fact]
    public void Read_Number_IsRefused()
    {
        var options = new JsonSerializerOptions { Converters = { new TunnelStateJsonConverter() } };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TunnelState>("2", options));
    }
}
