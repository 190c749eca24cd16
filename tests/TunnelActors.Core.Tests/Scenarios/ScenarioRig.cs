using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;
using TunnelActors.TestKit.Logging;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>A real tunnel supervisor (real time, real ssh) against a real sshd, for one scenario.</summary>
/// <remarks>Timings are small so the suite stays short: probe every 1 s, timeout 0.5-4 s, one confirm retry after
/// 0.2 s, backoff 0.5 s to 2 s. Waits poll the controller with generous real-time safety limits.</remarks>
public sealed class ScenarioRig : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private ScenarioRig(ITestOutputHelper output, SshdFixture sshd)
    {
        Output = output;
        Sshd = sshd;
        StateDir = Path.Combine(sshd.Directory, "s");
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information));
        System = ActorSystem.Create("scenario", new ActorSystemSettings { LoggerFactory = _loggerFactory });
        Services = TunnelServices.CreateDefault(StateDir, TimeProvider.System, _loggerFactory) with { Events = Events, RemoteForwardWait = TimeSpan.FromSeconds(3) };
    }

    public ITestOutputHelper Output { get; }

    public SshdFixture Sshd { get; }

    public string StateDir { get; }

    public ActorSystem System { get; }

    public RecordingEventSink Events { get; } = new();

    public TunnelServices Services { get; set; }

    public ActorTunnelController Controller { get; private set; } = null!;

    /// <summary>Probe timings used by every scenario (reported with the measured times).</summary>
    public static MonitorSettings Monitor(MonitorMode mode, LoopTransport transport = LoopTransport.Unix, string remoteSocketDir = "/tmp", int echoPort = 7) =>
        new(mode, transport, null, echoPort, remoteSocketDir,
            FirstProbeDelay: TimeSpan.FromMilliseconds(200),
            Interval: TimeSpan.FromSeconds(1),
            Timeout: TimeSpan.FromSeconds(1),
            MinTimeout: TimeSpan.FromMilliseconds(500),
            MaxTimeout: TimeSpan.FromSeconds(4),
            ConfirmRetries: 1,
            ConfirmInterval: TimeSpan.FromMilliseconds(200));

    public static BackoffSettings Backoff { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), 0.2, TimeSpan.FromSeconds(30), true);

    public static Task<ScenarioRig> StartAsync(ITestOutputHelper output, SshdFixture sshd) => Task.FromResult(new ScenarioRig(output, sshd));

    /// <summary>A tunnel to the fixture's sshd with <paramref name="localPort"/> forwarded to 127.0.0.1:<paramref name="targetPort"/> on the server side.</summary>
    public TunnelSettings Tunnel(string name, MonitorSettings monitor, int localPort, int targetPort, IEnumerable<KeyValuePair<string, string>>? extraOptions = null)
    {
        var forward = new ForwardSpec(ForwardKind.Local, $"127.0.0.1:{localPort}:127.0.0.1:{targetPort}", "127.0.0.1", localPort, null, "127.0.0.1", targetPort, null);
        return Sshd.CreateTunnel(name, [forward], extraOptions: extraOptions) with
        {
            Monitor = monitor,
            Backoff = Backoff,
            StopGracePeriod = TimeSpan.FromSeconds(2),
        };
    }

    public void Start(params TunnelSettings[] tunnels) => Start(10, tunnels);

    public void Start(int maxHandshakes, params TunnelSettings[] tunnels)
    {
        var settings = TunnelTestSettings.Root(tunnels, maxHandshakes, TimeSpan.FromSeconds(5), StateDir);
        Controller = ActorTunnelController.Start(System, settings, Services);
    }

    public async Task<TunnelStatus> StatusAsync(string name) =>
        await Controller.GetStatusAsync(name, CancellationToken.None) ?? throw new InvalidOperationException($"no tunnel {name}");

    /// <summary>Polls until <paramref name="condition"/> holds for the tunnel's status; returns it.</summary>
    public async Task<TunnelStatus> WaitAsync(string name, Func<TunnelStatus, bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        TunnelStatus status;
        while (!condition(status = await StatusAsync(name)))
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"{name}: timed out waiting for {what}; last status {status}");
            }

            await Task.Delay(20);
        }

        return status;
    }

    /// <summary>Waits until the tunnel is Up in an incarnation later than <paramref name="after"/>.</summary>
    public Task<TunnelStatus> WaitUpAsync(string name, int after = 0, TimeSpan? timeout = null) =>
        WaitAsync(name, s => s.State == TunnelState.Up && s.Incarnation > after, $"Up after incarnation {after}", timeout);

    public void Report(string scenario, string measurement, TimeSpan elapsed) =>
        Output.WriteLine($"MEASURED [{scenario}] {measurement}: {elapsed.TotalMilliseconds:0} ms");

    /// <summary>Sends bytes through 127.0.0.1:<paramref name="port"/> and checks they come back (the far end is an echo server).</summary>
    public static async Task<bool> EchoThroughAsync(int port)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cts.Token);
            var payload = Guid.NewGuid().ToByteArray().Concat(new byte[1000]).ToArray();
            await socket.SendAsync(payload, SocketFlags.None, cts.Token);
            var buffer = new byte[payload.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return buffer.AsSpan().SequenceEqual(payload);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Controller is not null)
            {
                await Controller.StopAllAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            await System.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
            _loggerFactory.Dispose();
        }
    }
}
