using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>The daemon's shared state: the configuration file, the settings running now, and the controller.</summary>
/// <param name="configPath">The configuration file given to <c>run -c</c>, reloaded on SIGHUP.</param>
/// <param name="settings">The settings loaded at start.</param>
internal sealed class TunnelRuntime(string configPath, TunnelActorsSettings settings)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TunnelActorsSettings _settings = settings;
    private volatile ITunnelController? _controller;
    private volatile string? _lastReloadError;

    /// <summary>The configuration file.</summary>
    public string ConfigPath => configPath;

    /// <summary>The settings running now (replaced by each applied reload).</summary>
    public TunnelActorsSettings Settings
    {
        get => _settings;
        set => _settings = value;
    }

    /// <summary>The running supervisor, or null before it started and after it stopped.</summary>
    public ITunnelController? Controller
    {
        get => _controller;
        set => _controller = value;
    }

    /// <summary>The first error of the last rejected reload, or null after a successful one.</summary>
    public string? LastReloadError
    {
        get => _lastReloadError;
        set => _lastReloadError = value;
    }

    /// <summary>Completes once READY=1 was sent.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Marks the daemon ready.</summary>
    public void MarkReady() => _ready.TrySetResult();
}
