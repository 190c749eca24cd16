using System.Text.Json;
using TunnelActors.Cli.Control;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Control;

public sealed class TunnelStatusDocumentTests
{
    [Fact]
    public void SerializeDeserialize_Document_RoundTripsWithRttInMilliseconds()
    {
        var status = FakeTunnelController.Status("db", TunnelState.Up, DateTimeOffset.UnixEpoch, restarts: 2, rtt: TimeSpan.FromMilliseconds(1.5));
        var document = TunnelStatusDocument.From(status);

        var json = JsonSerializer.Serialize(document, ControlJsonContext.Default.TunnelStatusDocument);
        var back = JsonSerializer.Deserialize(json, ControlJsonContext.Default.TunnelStatusDocument);

        Assert.Contains("\"rttMs\":1.5", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"up\"", json, StringComparison.Ordinal);
        Assert.Equal(document, back);
    }
}
