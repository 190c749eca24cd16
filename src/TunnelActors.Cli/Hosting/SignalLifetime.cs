using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TunnelActors.Cli.Hosting;

/// <summary>The daemon's <see cref="IHostLifetime"/>: SIGTERM/SIGINT stop, SIGHUP reloads, SIGUSR1 probes every tunnel.</summary>
/// <remarks>Replaces the console lifetime, which would also claim SIGTERM/SIGINT and print banners.</remarks>
internal sealed class SignalLifetime(
    IHostApplicationLifetime lifetime,
    ReloadCoordinator reloader,
    TunnelRuntime runtime,
    ILogger<SignalLifetime> logger) : IHostLifetime, IDisposable
{
    /// <summary>SIGUSR1 on Linux; PosixSignal has no name for it, raw numbers are accepted.</summary>
    internal const PosixSignal SigUsr1 = (PosixSignal)10;

    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(SigUsr1, OnSignal));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _registrations.Clear();
    }

    /// <summary>Handles one signal; the default action (terminate) is always cancelled.</summary>
    internal void Handle(PosixSignal signal)
    {
        HostLog.SignalReceived(logger, Name(signal));
        switch (signal)
        {
            case PosixSignal.SIGTERM or PosixSignal.SIGINT:
                lifetime.StopApplication();
                break;
            case PosixSignal.SIGHUP:
                _ = ReloadAsync();
                break;
            case SigUsr1:
                _ = ProbeAsync();
                break;
        }
    }

    private static string Name(PosixSignal signal) => signal == SigUsr1 ? "SIGUSR1" : signal.ToString();

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Handle(context.Signal);
    }

    private async Task ReloadAsync()
    {
        try
        {
            await reloader.ReloadAsync("SIGHUP", lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // Shutdown began while waiting for an earlier reload.
        }
    }

    private async Task ProbeAsync()
    {
        if (runtime.Controller is not { } controller)
        {
            return;
        }

        try
        {
            await controller.ProbeAllAsync(lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HostLog.ProbeFailed(logger, exception);
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }
}
