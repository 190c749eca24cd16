using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Configuration;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>Reloads the configuration (SIGHUP, <c>POST /v1/reload</c>): validate first, then apply, one reload at a time.</summary>
/// <remarks>A rejected or failed reload leaves the running tunnels untouched and is reported in the log, the
/// response and STATUS=. RELOADING=1 and READY=1 bracket every reload.</remarks>
internal sealed class ReloadCoordinator(
    TunnelRuntime runtime,
    DaemonComponents components,
    ILogger<ReloadCoordinator> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Reloads now; <paramref name="trigger"/> names who asked (for the log).</summary>
    public async Task<ReloadOutcome> ReloadAsync(string trigger, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            HostLog.ReloadRequested(logger, trigger);
            components.Notifier.Reloading();
            var outcome = await LoadAndApplyAsync(cancellationToken);
            runtime.LastReloadError = outcome.Applied ? null : outcome.Errors[0];
            components.Notifier.Ready();
            components.Notifier.Status(outcome.Applied
                ? $"reloaded: {outcome.Diff!.Added.Length} added, {outcome.Diff.Removed.Length} removed, {outcome.Diff.Changed.Length} changed"
                : $"reload rejected ({outcome.Errors.Length} errors, previous configuration kept): {outcome.Errors[0]}");
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ReloadOutcome> LoadAndApplyAsync(CancellationToken cancellationToken)
    {
        var loaded = Load();
        if (!loaded.IsValid)
        {
            foreach (var error in loaded.Errors)
            {
                HostLog.ReloadError(logger, error);
            }

            return ReloadOutcome.Rejected(loaded.Errors);
        }

        if (runtime.Controller is not { } controller)
        {
            return Reject("the daemon is still starting; retry the reload");
        }

        var settings = loaded.Settings!;
        WarnAboutRestartOnlySettings(settings);
        TunnelSetDiff diff;
        try
        {
            diff = await controller.ApplyAsync(settings, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            HostLog.ApplyFailed(logger, exception);
            return Reject($"the supervisor failed to apply the configuration: {exception.Message}");
        }

        runtime.Settings = settings;
        HostLog.ReloadApplied(
            logger,
            string.Join(", ", diff.Added.Select(t => t.Name)),
            string.Join(", ", diff.Removed),
            string.Join(", ", diff.Changed.Select(t => t.Name)),
            diff.Unchanged.Length);
        return new ReloadOutcome(diff, []);
    }

    private ConfigLoadResult Load()
    {
        try
        {
            return components.ConfigLoader.Load(runtime.ConfigPath);
        }
        catch (Exception exception)
        {
            // The loader reports expected problems as errors; anything thrown is still only a rejected reload.
            return ConfigLoadResult.Invalid([$"{runtime.ConfigPath}: {exception.Message}"]);
        }
    }

    private ReloadOutcome Reject(string error)
    {
        HostLog.ReloadError(logger, error);
        return ReloadOutcome.Rejected([error]);
    }

    private void WarnAboutRestartOnlySettings(TunnelActorsSettings next)
    {
        var current = runtime.Settings;
        if (current.StateDir != next.StateDir)
        {
            HostLog.NeedsRestart(logger, "state directory");
        }

        if (current.Control != next.Control)
        {
            HostLog.NeedsRestart(logger, "control API endpoint");
        }
    }
}
