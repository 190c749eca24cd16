using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Hosting;

[Collection(DaemonCollection.Name)]
public sealed class DaemonRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-runner-").FullName;
    private readonly FakeTunnelController _controller = new();
    private readonly FakeControllerFactory _factory;
    private readonly StringWriter _error = new();

    public DaemonRunnerTests() => _factory = new FakeControllerFactory(_controller, TimeProvider.System);

    private string StateDir => Path.Combine(_dir, "state");

    private string ConfigPath => Path.Combine(_dir, "tunnels.conf");

    [Fact]
    public async Task Run_InvalidConfiguration_PrintsTheErrorsAndExits1WithoutStarting()
    {
        await File.WriteAllLinesAsync(ConfigPath, ["alpha", "!forward '8080:x' needs host:port"]);

        var code = await RunAsync(CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains($"{ConfigPath}:2:1: forward '8080:x' needs host:port", _error.ToString(), StringComparison.Ordinal);
        Assert.Null(_factory.StartedWith);
    }

    [Fact]
    public async Task Run_SupervisorFailsToStart_Exits1WithTheReason()
    {
        await File.WriteAllLinesAsync(ConfigPath, ["alpha"]);
        _factory.StartFailure = new InvalidOperationException("kernel refused to spawn the root actor");

        var code = await RunAsync(CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("kernel refused to spawn the root actor", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AnotherDaemonOnTheSocket_Exits1AndLeavesItAlone()
    {
        await File.WriteAllLinesAsync(ConfigPath, ["alpha"]);
        Directory.CreateDirectory(StateDir);
        var socketPath = Path.Combine(StateDir, "control.sock");
        using var other = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        other.Bind(new UnixDomainSocketEndPoint(socketPath));
        other.Listen();

        var code = await RunAsync(CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains($"another daemon is listening on {socketPath}", _error.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(socketPath));
    }

    [Fact]
    public async Task Run_StaleSocketFileAndCancelled_StartsThenStopsWithExit0()
    {
        await File.WriteAllLinesAsync(ConfigPath, ["alpha"]);
        Directory.CreateDirectory(StateDir);
        await File.WriteAllTextAsync(Path.Combine(StateDir, "control.sock"), "");
        using var notify = new NotifyListener(Path.Combine(_dir, "notify.sock"));
        using var stop = new CancellationTokenSource();

        var run = RunAsync(stop.Token, new DatagramNotifier(notify.Path, null));
        await notify.WaitForAsync("READY=1");
        await stop.CancelAsync();

        Assert.Equal(0, await run.WaitAsync(Timeouts.Event));
        Assert.True(_factory.Stopped.IsCompleted);
    }

    public void Dispose()
    {
        _error.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<int> RunAsync(CancellationToken cancellationToken, INotifier? notifier = null)
    {
        var components = new DaemonComponents(
            new TestConfigLoader(StateDir, new ControlSettings("control.sock", null, null)),
            _factory,
            null,
            notifier ?? new RecordingNotifier(),
            TimeProvider.System);
        return DaemonRunner.RunAsync(
            ConfigPath,
            components,
            DaemonOptions.Default,
            logging => logging.ClearProviders(),
            _error,
            cancellationToken);
    }
}
