namespace TunnelActors.Core.Configuration;

/// <summary>Which ssh forwarding flag a <see cref="ForwardSpec"/> belongs to.</summary>
public enum ForwardKind
{
    /// <summary><c>-L</c>: listen locally, connect from the server.</summary>
    Local,

    /// <summary><c>-R</c>: listen on the server, connect from here.</summary>
    Remote,

    /// <summary><c>-D</c>: a local SOCKS proxy.</summary>
    Dynamic,
}

/// <summary>One forward, kept verbatim for ssh and parsed for validation and conflict checks.</summary>
/// <param name="Kind">The flag it is passed with.</param>
/// <param name="Spec">The text passed to ssh after the flag, exactly as configured.</param>
/// <param name="BindAddress">The listening address, or null for ssh's default.</param>
/// <param name="ListenPort">The listening TCP port, or null when listening on a Unix socket.</param>
/// <param name="ListenSocket">The listening Unix socket path, or null when listening on a port.</param>
/// <param name="TargetHost">The target host (not for <see cref="ForwardKind.Dynamic"/>, nor for a socket target).</param>
/// <param name="TargetPort">The target port, or null.</param>
/// <param name="TargetSocket">The target Unix socket path, or null.</param>
public sealed record ForwardSpec(
    ForwardKind Kind,
    string Spec,
    string? BindAddress,
    int? ListenPort,
    string? ListenSocket,
    string? TargetHost,
    int? TargetPort,
    string? TargetSocket);
