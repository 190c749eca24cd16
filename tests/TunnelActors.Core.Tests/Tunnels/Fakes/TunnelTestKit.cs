using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Tunnels.Fakes;

/// <summary>TestKit base for tunnel actor tests: virtual time, fake ssh processes, a fake prober and a recording sink.</summary>
public abstract class TunnelTestKit : TestKit.TestKit
{
    protected TunnelTestKit(ITestOutputHelper output)
        : base(output)
    {
        Ssh = new FakeSshProcessFactory(Clock);
        Prober = new FakeProber();
        Sink = new RecordingEventSink();
        Services = new TunnelServices
        {
            SshFactory = Ssh,
            Prober = Prober,
            Events = Sink,
            Jitter = () => 0.0,
            RemoteForwardWait = TimeSpan.FromSeconds(45),
            MonitorSocketDirectory = "/tmp/ta-unit-mon",
        };
    }

    protected FakeSshProcessFactory Ssh { get; }

    protected FakeProber Prober { get; }

    protected RecordingEventSink Sink { get; }

    protected TunnelServices Services { get; set; }

    /// <summary>Starts a tunnel actor directly, with a probe as its root and a real handshake gate.</summary>
    internal (IActorRef Tunnel, TestKit.TestProbe Root) StartTunnelActor(
        TunnelSettings settings, int maxHandshakes = 10, TimeSpan? handshakeTimeout = null, Func<int, bool>? isReservedPort = null)
    {
        var root = CreateTestProbe();
        var timeout = handshakeTimeout ?? TimeSpan.FromSeconds(30);
        var gate = Sys.ActorOf(HandshakeGate.Props(maxHandshakes, timeout), "gate-" + settings.Name);
        var env = new TunnelEnvironment(Services, root, gate, 1, new TunnelLedger(settings), "/tmp/ta-unit-mon", timeout, isReservedPort ?? (_ => false));
        return (Sys.ActorOf(TunnelActor.Props(env), settings.Name), root);
    }

    protected static async Task<TunnelStatus> StatusAsync(IActorRef tunnel, string name) =>
        await tunnel.Ask<TunnelStatus>(new GetTunnelStatus(name)).WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Polls the status (real time) until it is in <paramref name="state"/>.</summary>
    protected static async Task<TunnelStatus> WaitForStateAsync(IActorRef tunnel, string name, TunnelState state)
    {
        TunnelStatus? last = null;
        await AwaitAssertAsync(async () =>
        {
            last = await StatusAsync(tunnel, name);
            Assert.Equal(state, last.State);
        });
        return last!;
    }
}
