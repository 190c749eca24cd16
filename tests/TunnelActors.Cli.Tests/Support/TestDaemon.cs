using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.History;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>A daemon running in-process on real Unix sockets in a temp dir, with a fake supervisor and a notify socket.</summary>
/// <remarks>Tests using it belong to <see cref="DaemonCollection"/>: signals reach every host in the process.</remarks>
internal sealed class TestDaemon : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private TestDaemon(string dir, ControlSettings control)
    {
        Dir = dir;
        StateDir = Path.Combine(dir, "state");
        ConfigPath = Path.Combine(dir, "tunnels.conf");
        SocketPath = Path.IsPathRooted(control.SocketPath) ? control.SocketPath : Path.Combine(StateDir, control.SocketPath);
        Loader = new TestConfigLoader(StateDir, control);
        Factory = new FakeControllerFactory(Controller, TimeProvider.System);
        Notify = new NotifyListener(Path.Combine(dir, "notify.sock"));
    }

    public string Dir { get; }

    public string StateDir { get; }

    public string ConfigPath { get; }

    public string SocketPath { get; }

    public TestConfigLoader Loader { get; }

    public FakeTunnelController Controller { get; } = new();

    public FakeControllerFactory Factory { get; }

    public NotifyListener Notify { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public StringWriter Error { get; } = new();

    /// <summary>The run's exit code, once the host stopped.</summary>
    public Task<int> Exit { get; private set; } = Task.FromResult(-1);

    /// <summary>Starts a daemon supervising <paramref name="tunnels"/> and waits for READY=1.</summary>
    public static async Task<TestDaemon> StartAsync(
        IEnumerable<string> tunnels,
        ITunnelHistory? history = null,
        DaemonOptions? options = null,
        Func<string, ControlSettings>? control = null,
        Action<FakeControllerFactory>? arrange = null)
    {
        var dir = Directory.CreateTempSubdirectory("ta-daemon-").FullName;
        var daemon = new TestDaemon(dir, control?.Invoke(dir) ?? new ControlSettings("control.sock", null, null));
        daemon.WriteConfig([.. tunnels]);
        arrange?.Invoke(daemon.Factory);
        var components = new DaemonComponents(
            daemon.Loader,
            daemon.Factory,
            history,
            DatagramNotifier.FromEnvironment(name => name == "NOTIFY_SOCKET" ? daemon.Notify.Path : null, Environment.ProcessId),
            TimeProvider.System);
        daemon.Exit = Task.Run(() => DaemonRunner.RunAsync(
            daemon.ConfigPath,
            components,
            options ?? new DaemonOptions(TimeSpan.FromHours(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)),
            logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(daemon.Logs);
            },
            daemon.Error,
            daemon._stop.Token));
        var ready = daemon.Notify.WaitForAsync("READY=1");
        if (await Task.WhenAny(ready, daemon.Exit) != ready)
        {
            throw new InvalidOperationException($"the daemon exited with {await daemon.Exit} before READY: {daemon.Error}");
        }

        await ready;
        return daemon;
    }

    /// <summary>Rewrites the configuration file (one tunnel name per line, <c>!msg</c> for an error).</summary>
    public void WriteConfig(params string[] lines) => File.WriteAllLines(ConfigPath, lines);

    public HttpClient Http() => UnixHttp.Create(SocketPath);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Exit.WaitAsync(Timeouts.Event);
        }
        finally
        {
            Notify.Dispose();
            _stop.Dispose();
            Directory.Delete(Dir, recursive: true);
        }
    }
}
