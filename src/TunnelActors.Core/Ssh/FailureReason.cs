namespace TunnelActors.Core.Ssh;

/// <summary>Why an ssh incarnation ended, as far as its exit status and stderr tell.</summary>
public enum FailureReason
{
    /// <summary>Nothing recognisable: an exit status and stderr that match no rule.</summary>
    Unknown,

    /// <summary>The server refused every key: "Permission denied (publickey)", "Too many authentication failures".</summary>
    AuthFailed,

    /// <summary>The server's host key differs from the known one: "REMOTE HOST IDENTIFICATION HAS CHANGED",
    /// "Host key for ... has changed", "forwarding disabled due to host key check failure". Possibly an attack.</summary>
    HostKeyChanged,

    /// <summary>No host key is known for the server and checking is strict: "No ... host key is known for",
    /// "Host key verification failed.".</summary>
    HostKeyUnknown,

    /// <summary>Nothing listens on the server's ssh port: "connect to host ... Connection refused".</summary>
    ConnectionRefused,

    /// <summary>The server cannot be reached or stopped answering: connect timeout, banner-exchange timeout,
    /// "Network is unreachable", "No route to host", or ssh's own keepalive ("Timeout, server ... not responding").</summary>
    Timeout,

    /// <summary>The host name does not resolve: "Could not resolve hostname".</summary>
    Dns,

    /// <summary>A local listener could not be bound (port or socket in use): "Could not request local forwarding".</summary>
    LocalForwardBusy,

    /// <summary>The server refused a <c>-R</c> listener, usually because a stale session still holds it:
    /// "remote port forwarding failed".</summary>
    RemoteForwardRefused,

    /// <summary>ssh was killed by a signal nobody here sent (OOM killer, an operator's kill).</summary>
    KilledBySignal,

    /// <summary>The monitor's probes failed and the tunnel stopped ssh (the status ssh then reports is irrelevant).</summary>
    ProbeTimeout,

    /// <summary>The server closed the connection: "closed by remote host", "Connection reset by peer", the session
    /// process was killed, sshd restarted, a ClientAlive timeout on the server.</summary>
    ClosedByRemote,

    /// <summary>ssh exited 0 on its own (for <c>-N</c>: someone sent it SIGTERM or SIGINT, autossh.md §4.1).</summary>
    CleanExit,

    /// <summary>The tunnel stopped ssh on purpose (stop, restart command, reload, lifetime).</summary>
    Stopped,

    /// <summary>The ssh program could not be executed at all (missing, not executable).</summary>
    ExecFailed,
}
