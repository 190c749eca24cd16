using System.Collections.Immutable;

namespace TunnelActors.Core.Ssh;

/// <summary>The <c>-o</c> options every tunnel's ssh gets unless the user set the same key.</summary>
public static class SshDefaultOptions
{
    /// <summary>Options added to every tunnel, in command-line order.</summary>
    /// <remarks>
    /// ExitOnForwardFailure: a forward that cannot be set up must end ssh, or the tunnel runs half-broken (autossh.md §7 item 15).
    /// BatchMode: never prompt; a daemon has nobody to answer.
    /// ServerAliveInterval × ServerAliveCountMax: ssh itself notices a dead server within about 30 s.
    /// ConnectTimeout: a black-holed connect fails in 10 s instead of the kernel's ~2 min (autossh.md §7 item 16).
    /// ControlMaster/ControlPath: never attach to (or become) a user's multiplexing master, whose forwards would
    /// outlive this process and whose exit would not be ours.
    /// </remarks>
    public static ImmutableArray<KeyValuePair<string, string>> Always { get; } =
    [
        new("ExitOnForwardFailure", "yes"),
        new("BatchMode", "yes"),
        new("ServerAliveInterval", "10"),
        new("ServerAliveCountMax", "3"),
        new("ConnectTimeout", "10"),
        new("ControlMaster", "no"),
        new("ControlPath", "none"),
    ];

    /// <summary>Added when a forward listens on a Unix socket: remove a stale socket file before binding.</summary>
    public static KeyValuePair<string, string> StreamLocalBindUnlink { get; } = new("StreamLocalBindUnlink", "yes");

    /// <summary>Added when an identity file is given: offer only that key, not every agent key
    /// (many agent keys end in "Too many authentication failures").</summary>
    public static KeyValuePair<string, string> IdentitiesOnly { get; } = new("IdentitiesOnly", "yes");
}
