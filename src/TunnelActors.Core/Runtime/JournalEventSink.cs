using TunnelActors.Core.Journal;
using TunnelActors.Core.Tunnels;
using J = TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Runtime;

/// <summary>Writes the tunnel actors' lifecycle events to the event journal (non-blocking: the journal queues them).</summary>
public sealed class JournalEventSink(EventJournal journal, string configurationDigest) : ITunnelEventSink
{
    /// <summary>The digest recorded with reload stops; updated by the runtime on each applied reload.</summary>
    public string ConfigurationDigest { get; set; } = configurationDigest;

    /// <inheritdoc />
    public void Append(TunnelLifecycleEvent lifecycleEvent)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        if (ToJournal(lifecycleEvent) is { } stored)
        {
            journal.Append(lifecycleEvent.Tunnel, stored);
        }
    }

    private J.TunnelEvent? ToJournal(TunnelLifecycleEvent e) => e switch
    {
        TunnelLifecycleEvent.SshStarted s => new J.SshStarted(s.Pid, s.Incarnation, s.ArgvDigest),
        TunnelLifecycleEvent.TunnelUp u => new J.TunnelUp(u.Rtt ?? TimeSpan.Zero),
        TunnelLifecycleEvent.ProbeFailed p => new J.ProbeFailed(p.Detail is null ? $"{p.Outcome}" : $"{p.Outcome}: {p.Detail}"),
        TunnelLifecycleEvent.SshExited x => new J.SshExited(x.ExitCode, x.Signal, x.Reason.ToString(), string.Join('\n', x.StderrTail)),
        TunnelLifecycleEvent.RestartScheduled r => new J.RestartScheduled(r.Attempt, r.Delay),
        TunnelLifecycleEvent.GaveUp g => new J.GaveUp(g.Reason.ToString()),
        TunnelLifecycleEvent.Stopped { By: StoppedBy.Reload } => new J.StoppedByReload(ConfigurationDigest),
        TunnelLifecycleEvent.Stopped { By: StoppedBy.Operator } => new J.StoppedByOperator(null),
        TunnelLifecycleEvent.Stopped s => new J.StoppedByOperator(s.By.ToString()),
        _ => null,
    };
}
