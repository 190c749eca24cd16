using System.Runtime.Versioning;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Monitoring;

[SupportedOSPlatform("linux")]
public sealed class LoopListenerTests : IDisposable
{
    private readonly string _dir = Path.Combine("/tmp", "ta-ll-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Start_UnixSocket_EchoesProbeAndIsPrivate()
    {
        var path = Path.Combine(_dir, "mon", "back.sock");
        await using var listener = LoopListener.Start(new ProbeEndpoint.Unix(path));

        var result = await EchoProbe.RunAsync(listener.Endpoint, ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(5), TimeProvider.System);

        Assert.Equal(ProbeOutcome.Ok, result.Outcome);
        Assert.Equal(1, listener.ConnectionsAccepted);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Start_StaleFileAtPath_ReplacesIt_DisposeRemovesIt()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "back.sock");
        await File.WriteAllTextAsync(path, "stale");

        var listener = LoopListener.Start(new ProbeEndpoint.Unix(path));
        var result = await EchoProbe.RunAsync(listener.Endpoint, ProbeNonce.Create("t", 1, 1), TimeSpan.FromSeconds(5), TimeProvider.System);
        await listener.DisposeAsync();

        Assert.True(result.IsOk);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Start_Tcp_EchoesManyProbes()
    {
        await using var listener = LoopListener.Start(new ProbeEndpoint.Tcp(LoopbackPorts.FindFree()));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            EchoProbe.RunAsync(listener.Endpoint, ProbeNonce.Create("t", 1, i), TimeSpan.FromSeconds(5), TimeProvider.System)));

        Assert.All(results, r => Assert.Equal(ProbeOutcome.Ok, r.Outcome));
        Assert.Equal(20, listener.ConnectionsAccepted);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
