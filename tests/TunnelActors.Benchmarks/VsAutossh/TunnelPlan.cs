namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>N tunnels, each forwarding a client loopback port to the server's echo service.</summary>
/// <param name="Count">Number of tunnels.</param>
/// <param name="Profile">Tool configuration.</param>
/// <param name="WorkDir">A scratch directory for this run's config, logs and state.</param>
internal sealed record TunnelPlan(int Count, Profile Profile, string WorkDir)
{
    /// <summary>The server-side echo service every forward points at.</summary>
    public const int EchoTargetPort = 7000;

    /// <summary>The classic echo port, used by the echo monitors.</summary>
    public const int EchoMonitorPort = 7;

    /// <summary>The client port of tunnel <paramref name="index"/>'s forward.</summary>
    public static int ForwardPort(int index) => 20000 + index;

    /// <summary>autossh's monitor port for tunnel <paramref name="index"/> (loop mode uses it and the next one).</summary>
    public static int MonitorPort(int index) => 30000 + (2 * index);

    /// <summary>All forward ports of this plan.</summary>
    public IReadOnlyList<int> ForwardPorts => Enumerable.Range(0, Count).Select(ForwardPort).ToList();

    /// <summary>The -L specification of tunnel <paramref name="index"/>.</summary>
    public static string LocalForward(int index) => $"127.0.0.1:{ForwardPort(index)}:127.0.0.1:{EchoTargetPort}";
}
