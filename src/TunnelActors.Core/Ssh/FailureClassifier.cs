namespace TunnelActors.Core.Ssh;

/// <summary>Turns how ssh ended (status, signal, stderr tail) into a <see cref="FailureReason"/>.</summary>
/// <remarks>
/// Rules are tried in order and the first match wins; stderr rules look at every line of the tail, so the most
/// specific cause wins over a generic one that follows it (a changed host key also prints "Host key verification
/// failed."). Lines about single forwarded channels are ignored: ssh survives those. Patterns come from OpenSSH 9.2
/// messages captured against a real sshd (see FailureClassifierTests and FailureClassifierLiveTests).
/// </remarks>
public static class FailureClassifier
{
    private static readonly (FailureReason Reason, string[] Patterns)[] StderrRules =
    [
        (FailureReason.HostKeyChanged, ["REMOTE HOST IDENTIFICATION HAS CHANGED", "has changed and you have requested strict checking", "host key check failure"]),
        (FailureReason.HostKeyUnknown, ["host key is known for", "Host key verification failed"]),
        (FailureReason.AuthFailed, ["Permission denied (", "Too many authentication failures", "Authentication failed"]),
        (FailureReason.Dns, ["Could not resolve hostname", "Name or service not known", "Temporary failure in name resolution"]),
        (FailureReason.ConnectionRefused, ["Connection refused"]),
        (FailureReason.LocalForwardBusy, ["Could not request local forwarding", "cannot listen to port", "unix_listener: cannot bind"]),
        (FailureReason.RemoteForwardRefused, ["remote port forwarding failed"]),
        (FailureReason.Timeout, ["Connection timed out", "timed out during banner exchange", "not responding", "Network is unreachable", "No route to host", "Operation timed out"]),
        (FailureReason.ClosedByRemote, ["closed by remote host", "Connection closed by", "Connection reset by peer", "Broken pipe", "kex_exchange_identification"]),
    ];

    /// <summary>Classifies an exit. <paramref name="stoppedForProbeFailure"/> is true when the tunnel stopped ssh
    /// because its probes failed.</summary>
    public static FailureReason Classify(SshExit exit, bool stoppedForProbeFailure = false)
    {
        ArgumentNullException.ThrowIfNull(exit);
        if (exit.StartError is not null)
        {
            return FailureReason.ExecFailed;
        }

        if (exit.StopRequested)
        {
            return stoppedForProbeFailure ? FailureReason.ProbeTimeout : FailureReason.Stopped;
        }

        var lines = exit.StderrTail.Where(line => !IsChannelLine(line)).ToList();
        foreach (var (reason, patterns) in StderrRules)
        {
            if (lines.Any(line => patterns.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))))
            {
                return reason;
            }
        }

        if (exit.Signal is not null)
        {
            return FailureReason.KilledBySignal;
        }

        // setsid(1) exits 126/127 when it cannot exec ssh (util-linux EX_EXEC_FAILED/EX_EXEC_ENOENT).
        if (exit.ExitCode is 126 or 127 && exit.StderrTail.Any(l => l.Contains("failed to execute", StringComparison.Ordinal)))
        {
            return FailureReason.ExecFailed;
        }

        return exit.ExitCode == 0 ? FailureReason.CleanExit : FailureReason.Unknown;
    }

    // A failed forwarded connection ("channel 3: open failed: connect failed: Connection refused",
    // "connect_to 127.0.0.1 port 9: failed.") is reported while ssh keeps running: it says nothing about why ssh ended.
    private static bool IsChannelLine(string line) =>
        line.StartsWith("channel ", StringComparison.Ordinal)
        || line.StartsWith("connect_to ", StringComparison.Ordinal)
        || line.Contains("open failed", StringComparison.Ordinal);

    /// <summary>Whether retrying soon cannot help: the failure needs a person (keys, host keys, the ssh program).</summary>
    /// <remarks>DNS is not permanent: at boot resolvers fail for a while ("Temporary failure in name resolution").</remarks>
    public static bool IsPermanent(this FailureReason reason) => reason is
        FailureReason.AuthFailed or FailureReason.HostKeyChanged or FailureReason.HostKeyUnknown or FailureReason.ExecFailed;
}
