using TunnelActors.Core.Tunnels;
using J = TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Runtime;

/// <summary>How a tunnel actor's lifecycle event is stored in the journal (one place).</summary>
public static class JournalEventMapping
{
    /// <summary>The journal event for <paramref name="e"/>, or null for events the journal does not keep.</summary>
    /// <param name="e">The lifecycle event.</param>
    /// <param name="configurationDigest">The digest of the configuration in force (recorded with reload stops).</param>
    public static J.TunnelEvent? ToJournal(TunnelLifecycleEvent e, string configurationDigest) => e switch
    {
        TunnelLifecycleEvent.SshStarted s => new J.SshStarted(s.Pid, s.Incarnation, s.ArgvDigest),
        TunnelLifecycleEvent.TunnelUp u => new J.TunnelUp(u.Rtt ?? TimeSpan.Zero),
        TunnelLifecycleEvent.ProbeFailed p => new J.ProbeFailed(p.Detail is null ? $"{p.Outcome}" : $"{p.Outcome}: {p.Detail}"),
        TunnelLifecycleEvent.SshExited x => new J.SshExited(x.ExitCode, x.Signal, x.Reason.ToString(), string.Join('\n', x.StderrTail)),
        TunnelLifecycleEvent.RestartScheduled r => new J.RestartScheduled(r.Attempt, r.Delay),
        TunnelLifecycleEvent.GaveUp g => new J.GaveUp(g.Reason.ToString()),
        TunnelLifecycleEvent.Stopped { By: StoppedBy.Reload } => new J.StoppedByReload(configurationDigest),
        TunnelLifecycleEvent.Stopped { By: StoppedBy.Operator } => new J.StoppedByOperator(null),
        TunnelLifecycleEvent.Stopped s => new J.StoppedByOperator(s.By.ToString()),
        _ => null,
    };
}
