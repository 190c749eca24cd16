using System.Globalization;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Hosting;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Sandbox;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Demo;

/// <summary>Runs <c>tunnelactors demo</c>: throwaway servers, three tunnels, faults every few seconds, live status.</summary>
/// <remarks>
/// Every resource (sshd processes, ssh processes, the echo service, the temp directory) is released in
/// <see cref="RunAsync"/>'s finally block, so Ctrl-C leaves nothing behind.
/// </remarks>
internal sealed class DemoRunner(
    ITunnelConfigLoader loader,
    ITunnelControllerFactory controllers,
    DemoOptions options,
    TextWriter output,
    TimeProvider time)
{
    private static readonly (string Name, DemoForwardKind Kind)[] Layout =
        [("web", DemoForwardKind.Local), ("db", DemoForwardKind.Local), ("socks", DemoForwardKind.Socks)];

    private readonly List<DemoFault> _faults = [];
    private readonly DemoScreen _screen = new(output, options.Interactive);
    private readonly List<int> _frozen = [];

    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the duration ends; 0 when every fault recovered.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (ThrowawaySshd.MissingPrerequisites() is { } missing)
        {
            await output.WriteLineAsync($"tunnelactors demo needs a local sshd: {missing}");
            return 1;
        }

        var root = Directory.CreateTempSubdirectory("tunnelactors-demo-").FullName;
        var servers = new List<ThrowawaySshd>();
        LoopListener? echo = null;
        ITunnelController? controller = null;
        try
        {
            echo = LoopListener.Start(new ProbeEndpoint.Tcp(FreePort()));
            var echoPort = ((ProbeEndpoint.Tcp)echo.Endpoint).Port;
            var tunnels = new List<DemoTunnel>();
            foreach (var (name, kind) in Layout)
            {
                var server = await ThrowawaySshd.StartAsync(root, time, cancellationToken);
                servers.Add(server);
                tunnels.Add(new DemoTunnel(name, kind, FreePort(), server, Describe(name, kind)));
            }

            var configPath = Path.Combine(root, "demo.conf");
            await File.WriteAllTextAsync(configPath, DemoConfig.Render(Path.Combine(root, "state"), echoPort, tunnels), cancellationToken);
            var loaded = loader.Load(configPath);
            if (!loaded.IsValid)
            {
                await output.WriteLineAsync("demo configuration rejected (a bug):\n" + string.Join('\n', loaded.Errors));
                return 1;
            }

            _screen.Event($"config: {configPath}; state and logs: {root}");
            controller = await controllers.StartAsync(loaded.Settings!, cancellationToken);
            await LoopAsync(controller, tunnels, echoPort, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: fall through to the clean-up below.
        }
        finally
        {
            _screen.Event("cleaning up: stopping tunnels, servers and the echo service");
            if (controller is not null)
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15), time);
                await controllers.StopAsync(controller, grace.Token);
            }

            ResumeFrozen();
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            if (echo is not null)
            {
                await echo.DisposeAsync();
            }

            Directory.Delete(root, recursive: true);
        }

        return Summarize();
    }

    private async Task LoopAsync(ITunnelController controller, List<DemoTunnel> tunnels, int echoPort, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var nextFault = options.FaultEvery;
        var faultIndex = 0;
        while (options.Duration is not { } duration || time.GetElapsedTime(started) < duration)
        {
            var statuses = (await controller.GetStatusesAsync(cancellationToken)).ToDictionary(s => s.Name, StringComparer.Ordinal);
            var checks = await Task.WhenAll(tunnels.Select(t => TrafficCheck.PassesAsync(t, echoPort, TimeSpan.FromSeconds(1), time, cancellationToken)));
            var traffic = tunnels.Select((t, i) => (t.Name, checks[i])).ToDictionary(p => p.Name, p => p.Item2, StringComparer.Ordinal);
            NoteRecoveries(statuses, traffic);

            var elapsed = time.GetElapsedTime(started);
            var quietPeriod = options.Duration is { } d && elapsed > d - TimeSpan.FromSeconds(10);
            if (elapsed >= nextFault && !quietPeriod && _faults.All(f => f.RecoveredAfter is not null))
            {
                Inject(tunnels[faultIndex % tunnels.Count], statuses, faultIndex++);
                nextFault = elapsed + options.FaultEvery;
            }

            _screen.Render(tunnels, statuses, traffic, elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }
    }

    private void Inject(DemoTunnel tunnel, IReadOnlyDictionary<string, TunnelStatus> statuses, int index)
    {
        var kind = index % 2 == 0 ? DemoFaultKind.KillSession : DemoFaultKind.FreezeSession;
        var incarnation = statuses.TryGetValue(tunnel.Name, out var status) ? status.Incarnation : 0;
        var fault = new DemoFault(tunnel.Name, kind, time.GetTimestamp(), incarnation);
        if (kind == DemoFaultKind.FreezeSession)
        {
            _frozen.AddRange(tunnel.Server.SessionPids());
            tunnel.Server.SignalSessions(UnixSignal.Stop);
        }
        else
        {
            tunnel.Server.SignalSessions(UnixSignal.Kill);
        }

        _faults.Add(fault);
        _screen.Event($"fault: {fault.Describe()}");
    }

    private void NoteRecoveries(IReadOnlyDictionary<string, TunnelStatus> statuses, IReadOnlyDictionary<string, bool> traffic)
    {
        foreach (var fault in _faults.Where(f => f.RecoveredAfter is null))
        {
            if (traffic[fault.Tunnel] && statuses.TryGetValue(fault.Tunnel, out var status) && status.Incarnation > fault.IncarnationBefore)
            {
                fault.RecoveredAfter = time.GetElapsedTime(fault.InjectedAt);
                _screen.Event($"recovered: '{fault.Tunnel}' carries traffic again through a new ssh after {Seconds(fault.RecoveredAfter.Value)}"
                    + (status.LastFailureClass is { } cls ? $" (cause seen: {cls})" : string.Empty));
                ResumeFrozen();
            }
        }
    }

    // Frozen sessions were replaced by new ones; end them so they do not pile up.
    private void ResumeFrozen()
    {
        foreach (var pid in _frozen)
        {
            NativeMethods.Kill(pid, UnixSignal.Kill);
        }

        _frozen.Clear();
    }

    private int Summarize()
    {
        var recovered = _faults.Where(f => f.RecoveredAfter is not null).Select(f => f.RecoveredAfter!.Value).Order().ToList();
        var line = recovered.Count == 0
            ? $"demo summary: {_faults.Count} fault(s) injected, none recovered"
            : $"demo summary: {_faults.Count} fault(s) injected, {recovered.Count} recovered; recovery median {Seconds(recovered[recovered.Count / 2])}, worst {Seconds(recovered[^1])}";
        output.WriteLine(line);
        return _faults.All(f => f.RecoveredAfter is not null) ? 0 : 1;
    }

    private static string Describe(string name, DemoForwardKind kind) => name switch
    {
        "web" => "-L to the echo service, probed through autossh's forward loop over Unix sockets",
        "db" => "-L to the echo service, probed through an echo-mode forward",
        _ => kind == DemoForwardKind.Socks ? "-D SOCKS proxy, no probes: ssh keepalives (1s x 2) only" : string.Empty,
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static int FreePort() => LoopbackPorts.FindFree();
}
