using System.Diagnostics;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tunnels;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>The arrangement most recovery scenarios share: a real sshd, an echo server behind it and one loop-monitored
/// tunnel <see cref="Name"/> forwarding a free local port to the echo server, already Up.</summary>
public sealed class LoopScenario : IAsyncDisposable
{
    /// <summary>The tunnel's name.</summary>
    public const string Name = "t";

    private LoopScenario(SshdFixture sshd, EchoServer echo, ScenarioRig rig, int port)
    {
        Sshd = sshd;
        Echo = echo;
        Rig = rig;
        Port = port;
    }

    public SshdFixture Sshd { get; }

    public EchoServer Echo { get; }

    public ScenarioRig Rig { get; }

    /// <summary>The forward's local port.</summary>
    public int Port { get; }

    /// <summary>The tunnel's first Up status.</summary>
    public TunnelStatus Up { get; private set; } = null!;

    /// <summary>From the tunnel's start to its first Up.</summary>
    public TimeSpan StartToUp { get; private set; }

    /// <summary>Starts sshd (with <paramref name="options"/>), the echo server and the tunnel, and waits until it is Up.</summary>
    public static async Task<LoopScenario> StartAsync(ITestOutputHelper output, SshdOptions? options = null)
    {
        var sshd = await SshdFixture.StartAsync(options);
        var echo = EchoServer.Start();
        var scenario = new LoopScenario(sshd, echo, await ScenarioRig.StartAsync(output, sshd), LoopbackPorts.FindFree());
        try
        {
            var clock = Stopwatch.StartNew();
            scenario.Rig.Start(scenario.Rig.Tunnel(Name, ScenarioRig.Monitor(MonitorMode.Loop, remoteSocketDir: sshd.Directory), scenario.Port, echo.Port));
            scenario.Up = await scenario.Rig.WaitUpAsync(Name);
            scenario.StartToUp = clock.Elapsed;
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the tunnel is Up again in a later incarnation than the first.</summary>
    public Task<TunnelStatus> WaitUpAgainAsync() => Rig.WaitUpAsync(Name, Up.Incarnation);

    /// <summary>Whether bytes sent through the forward come back.</summary>
    public Task<bool> EchoThroughAsync() => ScenarioRig.EchoThroughAsync(Port);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Rig.DisposeAsync();
        }
        finally
        {
            await Echo.DisposeAsync();
            await Sshd.DisposeAsync();
        }
    }
}
