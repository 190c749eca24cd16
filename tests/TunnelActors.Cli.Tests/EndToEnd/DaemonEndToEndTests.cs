using System.Globalization;
using TunnelActors.Cli.Tests.Demo;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Sandbox;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Tests.EndToEnd;

/// <summary>The real daemon binary against a real sshd: reload diff, bad reload, SIGKILL + restart (orphans reaped), SIGTERM.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DaemonEndToEndTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("ta-e2e-").FullName;
    private ThrowawaySshd _sshd = null!;
    private LoopListener _echo = null!;
    private readonly Dictionary<string, int> _ports = [];

    private string StateDir => Path.Combine(_root, "state");

    private string ConfigPath => Path.Combine(_root, "tunnels.conf");

    public async Task InitializeAsync()
    {
        _sshd = await ThrowawaySshd.StartAsync(_root, TimeProvider.System);
        _echo = LoopListener.Start(new ProbeEndpoint.Tcp(LoopbackPorts.FindFree()));
    }

    public async Task DisposeAsync()
    {
        await _echo.DisposeAsync();
        await _sshd.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [RequiresLocalSshdFact]
    public async Task Run_ReloadsAndSignals_UnchangedTunnelsKeepTheirSshAndNothingIsOrphaned()
    {
        // Arrange: two tunnels up.
        await File.WriteAllTextAsync(ConfigPath, Config("alpha", "beta"));
        var daemon = DaemonProcess.Start(ConfigPath, StateDir);
        try
        {
            var first = await daemon.WaitForStatusAsync(s => AllUp(s, "alpha", "beta"), "alpha and beta up");
            var alphaPid = first["alpha"].Pid!.Value;
            var betaPid = first["beta"].Pid!.Value;

            // Act 1: reload removing beta and adding gamma; alpha is unchanged.
            await File.WriteAllTextAsync(ConfigPath, Config("alpha", "gamma"));
            await daemon.SignalAsync("HUP");
            var reloaded = await daemon.WaitForStatusAsync(s => !s.ContainsKey("beta") && AllUp(s, "alpha", "gamma"), "beta removed, gamma up");

            Assert.Equal(alphaPid, reloaded["alpha"].Pid);
            Assert.False(IsAlive(betaPid), "beta's ssh outlived its removal");

            // Act 2: a broken file is rejected and every tunnel keeps running.
            await File.WriteAllTextAsync(ConfigPath, "tunnelactors { tunnels { alpha { host = \n");
            await daemon.SignalAsync("HUP");
            await daemon.WaitForLogAsync("Reload rejected");
            var afterBadReload = await daemon.WaitForStatusAsync(s => AllUp(s, "alpha", "gamma"), "still up after a bad reload");
            Assert.Equal(alphaPid, afterBadReload["alpha"].Pid);

            // Act 3: SIGKILL leaves ssh behind; the next start ends it before starting its own.
            await daemon.SignalAsync("KILL");
            await daemon.WaitForExitAsync();
            Assert.True(IsAlive(alphaPid), "expected the killed daemon's ssh to be left behind");
            await daemon.DisposeAsync();
            await File.WriteAllTextAsync(ConfigPath, Config("alpha", "gamma"));
            daemon = DaemonProcess.Start(ConfigPath, StateDir);
            var restarted = await daemon.WaitForStatusAsync(s => AllUp(s, "alpha", "gamma"), "up after restart");

            Assert.False(IsAlive(alphaPid), "the previous run's ssh was not reaped");
            Assert.NotEqual(alphaPid, restarted["alpha"].Pid);

            // Act 4: SIGTERM stops every ssh and exits 0.
            await daemon.SignalAsync("TERM");
            var exit = await daemon.WaitForExitAsync();

            Assert.Equal(0, exit);
            Assert.False(IsAlive(restarted["alpha"].Pid!.Value), "alpha's ssh outlived the daemon");
            Assert.False(IsAlive(restarted["gamma"].Pid!.Value), "gamma's ssh outlived the daemon");
        }
        finally
        {
            await daemon.DisposeAsync();
        }
    }

    private static bool AllUp(IReadOnlyDictionary<string, (string State, int? Pid)> status, params string[] names) =>
        names.All(n => status.TryGetValue(n, out var t) && t.State == "up" && t.Pid is not null);

    // A zombie or a missing /proc entry both mean the process is gone.
    private static bool IsAlive(int pid) => ProcStat.TryRead(pid) is { IsZombie: false };

    // The same tunnel keeps the same forward across configurations, so a reload sees it unchanged.
    private int PortOf(string name) =>
        _ports.TryGetValue(name, out var port) ? port : _ports[name] = LoopbackPorts.FindFree();

    private string Config(params string[] names)
    {
        var tunnels = string.Join('\n', names.Select(name => $$"""
                {{name}} {
                  host = "127.0.0.1", port = {{_sshd.Port.ToString(CultureInfo.InvariantCulture)}}, user = "{{Environment.UserName}}"
                  identity-file = "{{_sshd.ClientKeyPath}}"
                  local = [ "127.0.0.1:{{PortOf(name).ToString(CultureInfo.InvariantCulture)}}:127.0.0.1:{{((ProbeEndpoint.Tcp)_echo.Endpoint).Port.ToString(CultureInfo.InvariantCulture)}}" ]
                  ssh-options { UserKnownHostsFile = "{{_sshd.KnownHostsPath}}", GlobalKnownHostsFile = "/dev/null", StrictHostKeyChecking = yes }
                  monitor { mode = none, first-probe-delay = 300ms, timeout = 1s }
                }
            """));
        return $$"""
            tunnelactors {
              state-dir = "{{StateDir}}"
              defaults.stop-grace-period = 2s
              tunnels {
            {{tunnels}}
              }
            }
            """;
    }
}
