using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Core.Tests.Monitoring;

public sealed class EchoProbeTests
{
    [Fact]
    public async Task RunAsync_EchoServer_OkWithRtt()
    {
        await using var server = EchoServer.Start();
        var nonce = ProbeNonce.Create("t", 1, 1);

        var result = await EchoProbe.RunAsync(new ProbeEndpoint.Tcp(server.Port), nonce, TimeSpan.FromSeconds(5), TimeProvider.System);

        Assert.Equal(ProbeOutcome.Ok, result.Outcome);
        Assert.InRange(result.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task RunAsync_ManglingServer_Mismatch()
    {
        await using var server = EchoServer.Start(EchoMode.Mangle);

        var result = await EchoProbe.RunAsync(new ProbeEndpoint.Tcp(server.Port), ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(5), TimeProvider.System);

        Assert.Equal(ProbeOutcome.Mismatch, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_SilentServer_TimesOutOnVirtualClock()
    {
        await using var server = EchoServer.Start(EchoMode.Silent);
        var time = new ManualTimeProvider();
        var probe = EchoProbe.RunAsync(new ProbeEndpoint.Tcp(server.Port), ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(3), time);
        await time.WaitForArmedAsync();

        time.Advance(TimeSpan.FromSeconds(2));
        await Task.Yield();
        Assert.False(probe.IsCompleted, "the probe must wait the whole timeout");
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await probe.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ProbeOutcome.Timeout, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(3), result.Elapsed);
    }

    [Fact]
    public async Task RunAsync_NothingListening_Refused()
    {
        var result = await EchoProbe.RunAsync(new ProbeEndpoint.Tcp(LoopbackPorts.FindFree()), ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(5), TimeProvider.System);

        Assert.Equal(ProbeOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_MissingUnixSocket_Refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ta-missing-{Guid.NewGuid():N}.sock");

        var result = await EchoProbe.RunAsync(new ProbeEndpoint.Unix(path), ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(5), TimeProvider.System);

        Assert.Equal(ProbeOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_Throws()
    {
        await using var server = EchoServer.Start(EchoMode.Silent);
        using var cts = new CancellationTokenSource();
        var probe = EchoProbe.RunAsync(new ProbeEndpoint.Tcp(server.Port), ProbeNonce.Create("t", 1, 1), TimeSpan.FromMinutes(1), TimeProvider.System, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe);
    }
}
