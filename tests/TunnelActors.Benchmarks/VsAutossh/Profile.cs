namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>How the tools are configured for a scenario (see <see cref="AutosshTool"/> and <see cref="TunnelActorsTool"/>).</summary>
internal enum Profile
{
    /// <summary>No application monitor (autossh -M 0; ours with its defaults): recovery after ssh dies.</summary>
    Restart,

    /// <summary>Probe every 5 s through an echo service on the server (autossh -M port:7, AUTOSSH_POLL=5).</summary>
    EchoEvery5s,

    /// <summary>No probes; ssh's ServerAliveInterval=1, ServerAliveCountMax=3 for both.</summary>
    ServerAlive,

    /// <summary>Each tool's documented defaults (autossh: Debian wrapper, random loop port, POLL 600).</summary>
    Defaults,

    /// <summary>Many tunnels, probing every 10 s (autossh loop -M, AUTOSSH_POLL=10; ours' default 10 s loop probe).</summary>
    Fleet,
}
