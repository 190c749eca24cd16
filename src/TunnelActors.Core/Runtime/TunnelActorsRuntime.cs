using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Runtime;

/// <summary>Everything a running TunnelActors needs: the actor system, the tunnel supervisor and the journal.</summary>
/// <remarks>
/// The one way the daemon, the autossh drop-in, the demo and embedding programs start tunnels. A journal that cannot be
/// opened (read-only or full state dir) is logged and the tunnels run without history: history is never a reason for a
/// tunnel to stay down. Dispose stops every ssh (SIGTERM, grace, SIGKILL), then flushes and closes the journal.
/// </remarks>
public sealed class TunnelActorsRuntime : ITunnelController, IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly JournalEventSink? _sink;
    private readonly ITimer? _pruneTimer;
    private readonly ILogger _log;

    private TunnelActorsRuntime(ActorSystem system, ActorTunnelController controller, EventJournal? journal, JournalEventSink? sink, ILogger log)
    {
        _system = system;
        Controller = controller;
        Journal = journal;
        _sink = sink;
        _log = log;
        if (journal is not null)
        {
            // Retention runs in the background, hourly, never on a tunnel's path.
            _pruneTimer = system.TimeProvider.CreateTimer(_ => _ = PruneAsync(), null, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
        }
    }

    /// <summary>The supervisor's controller (status, restart, stop, start, reload, probe).</summary>
    public ActorTunnelController Controller { get; }

    /// <summary>The event journal, or null when it could not be opened.</summary>
    public EventJournal? Journal { get; }

    /// <summary>Creates the state directory, opens the journal, reaps orphans of a previous run and starts every tunnel.</summary>
    public static async Task<TunnelActorsRuntime> StartAsync(
        TunnelActorsSettings settings,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        loggerFactory ??= NullLoggerFactory.Instance;
        var log = loggerFactory.CreateLogger<TunnelActorsRuntime>();
        CreateStateDirectory(settings.StateDir);
        var journal = await TryOpenJournalAsync(settings, time, loggerFactory, log, cancellationToken);
        var sink = journal is null ? null : new JournalEventSink(journal, settings.Digest);
        journal?.Append(EventKinds.DaemonStream, new ConfigurationLoaded(settings.Digest));
        var system = ActorSystem.Create("tunnelactors", new ActorSystemSettings { TimeProvider = time, LoggerFactory = loggerFactory });
        var services = TunnelServices.CreateDefault(settings.StateDir, time, loggerFactory);
        if (sink is not null)
        {
            services = services with { Events = sink };
        }

        var controller = ActorTunnelController.Start(system, settings, services);
        return new TunnelActorsRuntime(system, controller, journal, sink, log);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TunnelStatus>> GetStatusesAsync(CancellationToken cancellationToken) => Controller.GetStatusesAsync(cancellationToken);

    /// <inheritdoc />
    public Task<TunnelStatus?> GetStatusAsync(string name, CancellationToken cancellationToken) => Controller.GetStatusAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RestartAsync(string name, CancellationToken cancellationToken) => Controller.RestartAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<bool> StopAsync(string name, CancellationToken cancellationToken) => Controller.StopAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task<bool> StartAsync(string name, CancellationToken cancellationToken) => Controller.StartAsync(name, cancellationToken);

    /// <inheritdoc />
    public Task ProbeAllAsync(CancellationToken cancellationToken) => Controller.ProbeAllAsync(cancellationToken);

    /// <summary>Applies a reloaded configuration (per-tunnel difference) and journals it.</summary>
    public async Task<TunnelSetDiff> ApplyAsync(TunnelActorsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_sink is not null)
        {
            _sink.ConfigurationDigest = settings.Digest;
        }

        var diff = await Controller.ApplyAsync(settings, cancellationToken);
        Journal?.Append(EventKinds.DaemonStream, new ConfigurationReloaded(settings.Digest));
        return diff;
    }

    /// <summary>Stops every tunnel, terminates the actor system, then flushes and closes the journal.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Controller.StopAllAsync(cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or AskTimeoutException)
        {
            // Terminating the system below still SIGKILLs every ssh from the tunnel actors' PostStop.
            RuntimeLog.StopAllTimedOut(_log, e.Message);
        }

        await _system.Terminate();
        if (_pruneTimer is not null)
        {
            await _pruneTimer.DisposeAsync();
        }

        if (Journal is not null)
        {
            await Journal.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60), _system.TimeProvider);
        await StopAsync(cts.Token);
    }

    private static void CreateStateDirectory(string stateDir)
    {
        if (!Directory.Exists(stateDir))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(stateDir);
            }
            else
            {
                Directory.CreateDirectory(stateDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    private static async Task<EventJournal?> TryOpenJournalAsync(
        TunnelActorsSettings settings, TimeProvider time, ILoggerFactory loggerFactory, ILogger log, CancellationToken cancellationToken)
    {
        try
        {
            return await SqliteJournal.OpenAsync(settings.StateDir, settings.Journal, time, loggerFactory.CreateLogger<EventJournal>(), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RuntimeLog.JournalUnavailable(log, SqliteJournal.ResolvePath(settings.StateDir, settings.Journal.Path), e.Message);
            return null;
        }
    }

    private async Task PruneAsync()
    {
        try
        {
            await Journal!.PruneAsync();
        }
        catch (Exception e)
        {
            RuntimeLog.PruneFailed(_log, e.Message);
        }
    }
}
