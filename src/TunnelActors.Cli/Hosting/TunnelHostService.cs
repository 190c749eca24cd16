using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Hosting;

/// <summary>Runs the tunnel supervisor for the lifetime of the host and reports READY/STOPPING.</summary>
/// <remarks>Hosted services start before Kestrel binds, so READY=1 (and the socket's 0600 mode) wait for
/// <see cref="IHostApplicationLifetime.ApplicationStarted"/>, when the supervisor runs and the API listens.</remarks>
internal sealed class TunnelHostService(
    TunnelRuntime runtime,
    DaemonComponents components,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    ILogger<TunnelHostService> logger) : IHostedService
{
    private readonly List<CancellationTokenRegistration> _registrations = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            components.ControllerFactory.UseLogging(loggerFactory);
            runtime.Controller = await components.ControllerFactory.StartAsync(runtime.Settings, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HostLog.StartFailed(logger, exception);
            throw;
        }

        HostLog.Started(logger, runtime.Settings.Tunnels.Length, runtime.ConfigPath);
        _registrations.Add(lifetime.ApplicationStarted.Register(OnStarted));
        _registrations.Add(lifetime.ApplicationStopping.Register(components.Notifier.Stopping));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in _registrations)
        {
            await registration.DisposeAsync();
        }

        if (runtime.Controller is { } controller)
        {
            HostLog.Stopping(logger);
            try
            {
                // Bounded: the host's shutdown timeout cancels the token, and a supervisor ignoring it is abandoned.
                await components.ControllerFactory.StopAsync(controller, cancellationToken).WaitAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                HostLog.StopFailed(logger, exception);
            }

            runtime.Controller = null;
        }

        ControlSocketFile.Remove(ControlPaths.Socket(runtime.Settings));
    }

    private void OnStarted()
    {
        var control = runtime.Settings.Control;
        HostLog.Listening(logger, ControlPaths.Socket(runtime.Settings));
        if (control.TcpPort is { } port)
        {
            if (control.TokenFile is null)
            {
                HostLog.TcpWithoutToken(logger, port);
            }
            else
            {
                HostLog.Listening(logger, $"127.0.0.1:{port} (bearer token)");
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            ControlSocketFile.Secure(ControlPaths.Socket(runtime.Settings));
        }

        components.Notifier.Ready();
        components.Notifier.Status($"supervising {runtime.Settings.Tunnels.Length} tunnels");
        runtime.MarkReady();
    }
}
