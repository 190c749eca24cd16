using System.Collections.Immutable;
using System.Globalization;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class OrphanReaperTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ta-reap-" + Guid.NewGuid().ToString("N")[..8]);

    [RequiresSshdFact]
    public async Task ReapAsync_SshLeftByPreviousRun_KilledAndPortFreed()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var stateDir = Path.Combine(sshd.Directory, "state");
        var port = LoopbackPorts.FindFree();
        var forward = new ForwardSpec(ForwardKind.Local, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}:127.0.0.1:{sshd.Port}"), "127.0.0.1", port, null, "127.0.0.1", sshd.Port, null);
        // "Previous run": started with a registry, then forgotten without being stopped (as after SIGKILL of the daemon).
        await using var previous = new SshProcessFactory(TimeProvider.System, PidRegistry.InStateDir(stateDir))
            .Start(new SshStartRequest("web", 7, SshCommandBuilder.Build(sshd.CreateTunnel("web", local: [forward]))));
        await Eventually.ListeningAsync(new ProbeEndpoint.Tcp(port));

        // "This run": a fresh registry object over the same state directory.
        var reaper = new OrphanReaper(PidRegistry.InStateDir(stateDir), TimeProvider.System);
        var reaped = await reaper.ReapAsync(TimeSpan.FromSeconds(3));
        var exit = await previous.Exited.WaitAsync(Eventually.Safety);

        var orphan = Assert.Single(reaped);
        Assert.Equal(previous.Pid, orphan.Entry.Pid);
        Assert.Equal(7, orphan.Entry.Incarnation);
        Assert.False(orphan.Killed, "ssh honours SIGTERM");
        Assert.NotNull(exit);
        Assert.True(LoopbackPorts.IsFree(port));
        Assert.Empty(PidRegistry.InStateDir(stateDir).ReadAll());
    }

    [Fact]
    public async Task ReapAsync_EntryWithReusedPid_LeavesThatProcessAlone()
    {
        var dir = _dir;
        var registry = PidRegistry.InStateDir(dir);
        var self = ProcStat.TryRead(Environment.ProcessId)!;
        // Our own pid with another start time: what a reused pid looks like.
        registry.Add(new PidRegistryEntry("t", Environment.ProcessId, self.StartTime + 1, 1));
        registry.Add(new PidRegistryEntry("gone", int.MaxValue - 1, 1, 1));

        var reaped = await new OrphanReaper(registry, TimeProvider.System).ReapAsync(TimeSpan.FromSeconds(1));

        Assert.Empty(reaped);
        Assert.Empty(registry.ReadAll());
    }

    [Fact]
    public async Task ReapAsync_OrphanIgnoresSigterm_SigkilledAfterGrace()
    {
        var dir = _dir;
        var ready = Path.Combine(dir, "ready");
        Directory.CreateDirectory(dir);
        await using var previous = new SshProcessFactory(TimeProvider.System, PidRegistry.InStateDir(dir)).Start(new SshStartRequest(
            "stubborn", 1, SshCommand.Create(FakeSshProgram.Path, ["-N", "h"]),
            new Dictionary<string, string> { ["FAKE_SSH_MODE"] = "ignore-term", ["FAKE_SSH_READY_FILE"] = ready }.ToImmutableDictionary()));
        await Eventually.TrueAsync(() => File.Exists(ready), "fake ssh ready");

        var reaped = await new OrphanReaper(PidRegistry.InStateDir(dir), TimeProvider.System).ReapAsync(TimeSpan.FromMilliseconds(300));
        var exit = await previous.Exited.WaitAsync(Eventually.Safety);

        Assert.True(Assert.Single(reaped).Killed);
        Assert.Equal((int)UnixSignal.Kill, exit.Signal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
