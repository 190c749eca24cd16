using System.Collections.Immutable;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>Builds valid settings records for host tests.</summary>
internal static class TestSettings
{
    public static TunnelActorsSettings Create(string stateDir, IEnumerable<string> tunnelNames, ControlSettings? control = null, string digest = "test") =>
        new(
            stateDir,
            [.. tunnelNames.Order(StringComparer.Ordinal).Select(n => Tunnel(n))],
            new SupervisorSettings(4, TimeSpan.FromSeconds(30)),
            new JournalSettings("journal.db", null, null, 1000, 100),
            control ?? new ControlSettings("control.sock", null, null),
            digest);

    public static TunnelSettings Tunnel(string name, string host = "example.test") =>
        new(
            name,
            new SshDestination(host, null, null, null),
            [],
            [],
            [],
            ImmutableArray<KeyValuePair<string, string>>.Empty,
            [],
            "ssh",
            new MonitorSettings(MonitorMode.None, LoopTransport.Unix, null, 7, "/tmp", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10),
                TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, TimeSpan.FromSeconds(1)),
            new BackoffSettings(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), 0.5, TimeSpan.FromMinutes(10), true),
            new LimitsSettings(TimeSpan.Zero, null, null, true),
            TimeSpan.FromSeconds(5));
}
