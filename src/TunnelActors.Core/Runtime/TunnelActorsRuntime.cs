using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;
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
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);
    private readonly ActorSystem _system;
    private readonly IActorRef? _journalActor;
    private readonly ILogger _log;

    private TunnelActorsRuntime(ActorSystem system, ActorTunnelController controller, EventJournal? journal, IActorRef? journalActor, ILogger log)
    {
        _system = system;
        Controller = controller;
        Journal = journal;
        _journalActor = journalActor;
        _log = log;
    }

    /// <summary>The supervisor's controller (status, restart, stop, start, reload, probe).</summary>
    public ActorTunnelController Controller { get; }

    /// <summary>The event journal, or null when it could not be opened.</summary>
    public EventJournal? Journal { get; }

    /// <summary>Creates the state directory, opens the journal, reaps orphans of a previous run and starts every tunnel.</summary>
    public static Task<TunnelActorsRuntime> StartAsync(
        TunnelActorsSettings settings,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(settings, time, null, loggerFactory, cancellationToken);

    /// <summary>As <see cref="StartAsync(TunnelActorsSettings, TimeProvider, ILoggerFactory?, CancellationToken)"/>, and
    /// <paramref name="events"/> receives every lifecycle event as well as the journal (the autossh drop-in's log).</summary>
    public static async Task<TunnelActorsRuntime> StartAsync(
        TunnelActorsSettings settings,
        TimeProvider time,
        ITunnelEventSink? events,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        loggerFactory ??= NullLoggerFactory.Instance;
        var log = loggerFactory.CreateLogger<TunnelActorsRuntime>();
        CreateStateDirectory(settings.StateDir);
        var journal = await TryOpenJournalAsync(settings, time, loggerFactory, log, cancellationToken);
        var system = ActorSystem.Create("tunnelactors", new ActorSystemSettings { TimeProvider = time, LoggerFactory = loggerFactory });
        var journalActor = journal is null ? null : system.ActorOf(JournalActor.Props(journal, settings.Digest), "journal");
        var services = TunnelServices.CreateDefault(settings.StateDir, time, loggerFactory);
        if (FanOutEventSink.Of(journalActor is null ? null : new JournalEventSink(journalActor), events) is { } all)
        {
            services = services with { Events = all };
        }

        var controller = ActorTunnelController.Start(system, settings, services);
        return new TunnelActorsRuntime(system, controller, journal, journalActor, log);
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
        // Told first, so the stops this reload causes are journaled with the new digest.
        _journalActor?.Tell(new RecordConfigurationReloaded(settings.Digest), ActorRefs.NoSender);
        return await Controller.ApplyAsync(settings, cancellationToken);
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

        if (_journalActor is not null)
        {
            try
            {
                await _journalActor.Ask<JournalFlushed>(FlushJournal.Instance, FlushTimeout, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or AskTimeoutException)
            {
                // Disposing the journal below still writes what it holds, bounded by its shutdown timeout.
                RuntimeLog.StopAllTimedOut(_log, e.Message);
            }
        }

        await _system.Terminate();
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
}
