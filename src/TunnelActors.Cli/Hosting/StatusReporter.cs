using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>Refreshes STATUS= ("12/14 tunnels up") and sends WATCHDOG=1 only while the supervisor answers in time.</summary>
internal sealed class StatusReporter(
    TunnelRuntime runtime,
    DaemonComponents components,
    DaemonOptions options,
    ILogger<StatusReporter> logger) : BackgroundService
{
    /// <summary>The refresh period: the status interval, or half the watchdog interval when that is shorter.</summary>
    public TimeSpan Period => components.Notifier.WatchdogInterval is { } watchdog && watchdog / 2 < options.StatusInterval
        ? watchdog / 2
        : options.StatusInterval;

    /// <summary>Asks the supervisor once; true when it answered within the deadline.</summary>
    public async Task<bool> ReportOnceAsync(CancellationToken cancellationToken)
    {
        if (runtime.Controller is not { } controller)
        {
            return false;
        }

        var time = components.TimeProvider;
        var deadline = options.ControllerTimeout < Period ? options.ControllerTimeout : Period;
        using var timeout = new CancellationTokenSource(deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        IReadOnlyList<TunnelStatus> statuses;
        try
        {
            // WaitAsync also bounds a supervisor that ignores the token.
            statuses = await controller.GetStatusesAsync(linked.Token).WaitAsync(deadline, time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && timeout.IsCancellationRequested))
        {
            HostLog.SupervisorUnresponsive(logger, deadline);
            components.Notifier.Status($"supervisor not answering within {deadline.TotalSeconds:0.#}s");
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HostLog.StatusFailed(logger, exception);
            return false;
        }

        components.Notifier.Status(Describe(statuses, runtime.LastReloadError));
        if (components.Notifier.WatchdogInterval is not null)
        {
            components.Notifier.Watchdog();
        }

        return true;
    }

    /// <summary>The STATUS= line: <c>12/14 tunnels up</c>, plus the last reload error when there is one.</summary>
    public static string Describe(IReadOnlyList<TunnelStatus> statuses, string? lastReloadError)
    {
        var up = statuses.Count(s => s.State == TunnelState.Up);
        var text = $"{up}/{statuses.Count} tunnels up";
        return lastReloadError is null ? text : $"{text}; last reload rejected: {lastReloadError}";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runtime.Ready.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(Period, components.TimeProvider);
            do
            {
                await ReportOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
