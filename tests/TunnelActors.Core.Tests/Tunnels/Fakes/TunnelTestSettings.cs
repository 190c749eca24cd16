using System.Collections.Immutable;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Tunnels.Fakes;

/// <summary>Hand-built settings for tunnel actor tests (no HOCON).</summary>
public static class TunnelTestSettings
{
    /// <summary>Backoff 1 s doubling to 8 s, no jitter, stable after 60 s, immediate first restart.</summary>
    public static BackoffSettings Backoff(bool immediateFirstRestart = true) =>
        TestSettings.Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 0, TimeSpan.FromSeconds(60), immediateFirstRestart);

    /// <summary>A tunnel to a host nobody contacts (the ssh processes are fakes). Echo mode uses a fixed port, so no socket is opened.</summary>
    public static TunnelSettings Tunnel(
        string name,
        MonitorMode mode = MonitorMode.None,
        BackoffSettings? backoff = null,
        LimitsSettings? limits = null,
        int localPort = 10001) =>
        new(
            name,
            new SshDestination("tunnel-test.invalid", "user", 22, null),
            [new ForwardSpec(ForwardKind.Local, $"{localPort}:127.0.0.1:80", null, localPort, null, "127.0.0.1", 80, null)],
            [],
            [],
            [],
            [],
            "ssh",
            TestSettings.Monitor(mode, port: mode == MonitorMode.None ? null : 45999),
            backoff ?? Backoff(),
            limits ?? TestSettings.Limits(),
            TimeSpan.FromSeconds(2));

    /// <summary>The whole configuration around <paramref name="tunnels"/>.</summary>
    public static TunnelActorsSettings Root(IEnumerable<TunnelSettings> tunnels, int maxHandshakes = 10, TimeSpan? handshakeTimeout = null, string stateDir = "/tmp/ta-unit") =>
        new(
            stateDir,
            [.. tunnels.OrderBy(t => t.Name, StringComparer.Ordinal)],
            new SupervisorSettings(maxHandshakes, handshakeTimeout ?? TimeSpan.FromSeconds(30)),
            new JournalSettings("journal.db", null, null, 100, 100),
            new ControlSettings("control.sock", null, null),
            "digest");
}
