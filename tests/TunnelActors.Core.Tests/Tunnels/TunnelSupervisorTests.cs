using System.Diagnostics;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tests.Tunnels;

/// <summary>Supervisor behaviour that needs real time and real processes: reaping what a previous run left.</summary>
public sealed class TunnelSupervisorTests
{
    [Fact]
    public async Task Start_OrphanInPidRegistry_KilledBeforeAnySshStarts()
    {
        var dir = Path.Combine("/tmp", "ta-reap-" + Guid.NewGuid().ToString("N")[..8]);
        using var orphan = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            var registry = PidRegistry.InStateDir(dir);
            registry.Add(new PidRegistryEntry("a", orphan.Id, ProcStat.TryRead(orphan.Id)!.StartTime, 3));
            var ssh = new FakeSshProcessFactory(TimeProvider.System);
            var services = new TunnelServices { SshFactory = ssh, PidRegistry = registry, Jitter = () => 0 };
            await using var system = ActorSystem.Create("reap");

            ActorTunnelController.Start(system, TunnelTestSettings.Root([TunnelTestSettings.Tunnel("a")], stateDir: dir), services);
            await ssh.NextStartAsync();

            Assert.True(orphan.HasExited);
            Assert.Empty(registry.ReadAll());
        }
        finally
        {
            if (!orphan.HasExited)
            {
                orphan.Kill();
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Terminate_SystemWithRunningTunnel_SshKilledBeforeTerminationCompletes()
    {
        var ssh = new FakeSshProcessFactory(TimeProvider.System);
        var system = ActorSystem.Create("terminate");
        ActorTunnelController.Start(system, TunnelTestSettings.Root([TunnelTestSettings.Tunnel("a")]), new TunnelServices { SshFactory = ssh });
        var process = await ssh.NextStartAsync();

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(process.Disposed);
        Assert.True(process.HasExited);
    }
}
