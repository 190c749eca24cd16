using Microsoft.Extensions.Logging;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Runtime;

/// <summary>The journal in the actor tree: turns tunnel lifecycle events into journal events and prunes by retention.</summary>
/// <remarks>
/// Tunnel actors reach it through <see cref="JournalEventSink"/> (a Tell, never a wait). Appending only queues the event
/// in the <see cref="EventJournal"/>'s bounded buffer; its own writer commits batches in the background, so a locked,
/// read-only or full database never stalls this actor either. Pruning runs hourly on a keyed timer.
/// </remarks>
public sealed class JournalActor : UntypedActor, IWithTimers
{
    private const string PruneTimer = "prune";
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);
    private readonly EventJournal _journal;
    private string _digest;

    /// <summary>Journals into <paramref name="journal"/>; reload stops carry <paramref name="configurationDigest"/>.</summary>
    public JournalActor(EventJournal journal, string configurationDigest)
    {
        _journal = journal;
        _digest = configurationDigest;
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a journal actor over <paramref name="journal"/>.</summary>
    public static Props Props(EventJournal journal, string configurationDigest) =>
        Kernel.Actor.Props.Create(() => new JournalActor(journal, configurationDigest));

    /// <inheritdoc />
    protected override void PreStart()
    {
        _journal.Append(EventKinds.DaemonStream, new ConfigurationLoaded(_digest));
        Timers.StartPeriodicTimer(PruneTimer, PruneJournal.Instance, TimeSpan.FromMinutes(1), PruneInterval);
    }

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case TunnelLifecycleEvent lifecycleEvent:
                OnLifecycleEvent(lifecycleEvent);
                break;
            case RecordConfigurationReloaded reloaded:
                _digest = reloaded.Digest;
                _journal.Append(EventKinds.DaemonStream, new ConfigurationReloaded(reloaded.Digest));
                break;
            case FlushJournal:
                OnFlush();
                break;
            case PruneJournal:
                OnPrune();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnLifecycleEvent(TunnelLifecycleEvent lifecycleEvent)
    {
        if (JournalEventMapping.ToJournal(lifecycleEvent, _digest) is { } stored)
        {
            _journal.Append(lifecycleEvent.Tunnel, stored);
        }
    }

    private void OnFlush()
    {
        var replyTo = Sender;
        RunTask(async () =>
        {
            await _journal.FlushAsync(Context.CancellationToken);
            replyTo.Tell(JournalFlushed.Instance, Self);
        });
    }

    private void OnPrune() => RunTask(async () =>
    {
        try
        {
            await _journal.PruneAsync(Context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RuntimeLog.PruneFailed(Log, e.Message);
        }
    });
}
