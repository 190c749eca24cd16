using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Core.Tests.Tunnels;

public sealed class EchoProberTests
{
    [Fact]
    public async Task ProbeAsync_EchoServer_Ok()
    {
        await using var echo = EchoServer.Start();

        var result = await EchoProber.Instance.ProbeAsync(
            new ProbeEndpoint.Tcp(echo.Port), ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        Assert.Equal(ProbeOutcome.Ok, result.Outcome);
    }

    [Fact]
    public async Task ProbeAsync_Cancelled_ErrorOutcomeNotException()
    {
        await using var echo = EchoServer.Start(EchoMode.Silent);
        using var cts = new CancellationTokenSource();
        var probe = EchoProber.Instance.ProbeAsync(
            new ProbeEndpoint.Tcp(echo.Port), ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(30), TimeProvider.System, cts.Token);

        await cts.CancelAsync();
        var result = await probe.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ProbeOutcome.Error, result.Outcome);
    }
}
