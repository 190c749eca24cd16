namespace TunnelActors.Core.Configuration;

/// <summary>How a tunnel is probed for liveness.</summary>
public enum MonitorMode
{
    /// <summary>autossh's forward loop: -L into the tunnel, -R back to our own listener.</summary>
    Loop,

    /// <summary>-L to an echo service on the server.</summary>
    Echo,

    /// <summary>No probes; rely on ssh's keepalives (ServerAliveInterval) and its exit.</summary>
    None,
}

/// <summary>How the loop monitor's two forwards are carried.</summary>
public enum LoopTransport
{
    /// <summary>Unix domain sockets on both sides (no TCP port, other local users cannot answer).</summary>
    Unix,

    /// <summary>TCP ports <c>port</c> and <c>port+1</c>, as autossh's <c>-M port</c>.</summary>
    Tcp,
}

/// <summary>Settings of the monitor actor.</summary>
/// <param name="Mode">loop, echo or none.</param>
/// <param name="Transport">For loop mode: unix sockets or TCP ports.</param>
/// <param name="Port">TCP loop: the local port (port+1 is the return port); echo: the local port; null picks a free one.</param>
/// <param name="EchoPort">Echo mode: the server-side echo port (default 7).</param>
/// <param name="RemoteSocketDir">Unix loop: the directory on the server for the probe socket.</param>
/// <param name="FirstProbeDelay">Delay between ssh starting and the first probe.</param>
/// <param name="Interval">Time between probes while healthy.</param>
/// <param name="Timeout">Initial probe timeout (adapted to the measured RTT within the bounds below).</param>
/// <param name="MinTimeout">Lower bound of the adaptive timeout.</param>
/// <param name="MaxTimeout">Upper bound of the adaptive timeout.</param>
/// <param name="ConfirmRetries">Quick retries that must also fail before the tunnel is declared dead.</param>
/// <param name="ConfirmInterval">Time between those quick retries.</param>
public sealed record MonitorSettings(
    MonitorMode Mode,
    LoopTransport Transport,
    int? Port,
    int EchoPort,
    string RemoteSocketDir,
    TimeSpan FirstProbeDelay,
    TimeSpan Interval,
    TimeSpan Timeout,
    TimeSpan MinTimeout,
    TimeSpan MaxTimeout,
    int ConfirmRetries,
    TimeSpan ConfirmInterval);
