using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Demo;

/// <summary>One demo tunnel: its own throwaway sshd (so faults hit exactly this tunnel) and how to test its traffic.</summary>
/// <param name="Name">The tunnel's name in the generated configuration.</param>
/// <param name="Kind">What kind of forward it carries, and so how traffic is checked.</param>
/// <param name="ListenPort">The local port of its forward.</param>
/// <param name="Server">Its sshd.</param>
/// <param name="Description">One line for the screen: forward and monitor mode.</param>
internal sealed record DemoTunnel(string Name, DemoForwardKind Kind, int ListenPort, ThrowawaySshd Server, string Description);

/// <summary>How a demo tunnel's traffic is checked.</summary>
internal enum DemoForwardKind
{
    /// <summary>A -L forward to the echo service: send a line, read it back.</summary>
    Local,

    /// <summary>A -D SOCKS proxy: CONNECT to the echo service through it, then echo a line.</summary>
    Socks,
}
