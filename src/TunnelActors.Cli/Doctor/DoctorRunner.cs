using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Doctor;

/// <summary>Diagnoses one configured tunnel step by step: configuration, ssh -G, identity, host key, local ports, connection, forward.</summary>
/// <remarks>Later steps that need an earlier one's result are skipped when it failed; the one-shot ssh is always stopped and
/// its files removed before this returns.</remarks>
internal static class DoctorRunner
{
    /// <summary>Runs every step for <paramref name="tunnelName"/> in <paramref name="configPath"/>.</summary>
    public static async Task<DoctorReport> RunAsync(
        string configPath, string tunnelName, DoctorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var steps = new List<DoctorStep>();
        DoctorReport Report() => new(tunnelName, configPath, [.. steps]);
        var (configStep, settings, tunnel) = CheckConfiguration(configPath, tunnelName);
        steps.Add(configStep);
        if (settings is null || tunnel is null)
        {
            return Report();
        }

        var (sshStep, resolved) = await SshConfigCheck.RunAsync(tunnel, options, time, cancellationToken);
        steps.Add(sshStep);
        if (resolved is not null)
        {
            steps.Add(IdentityCheck.Run(tunnel, resolved));
            steps.Add(await HostKeyCheck.RunAsync(resolved, options, time, cancellationToken));
        }
        else
        {
            steps.Add(DoctorStep.Skip(IdentityCheck.Id, IdentityCheck.Title, "needs ssh -G"));
            steps.Add(DoctorStep.Skip(HostKeyCheck.Id, HostKeyCheck.Title, "needs ssh -G"));
        }

        var (portStep, held) = ListenPortCheck.Run(tunnel, settings.StateDir);
        steps.Add(portStep);
        if (resolved is null)
        {
            steps.Add(DoctorStep.Skip(ConnectionCheck.Id, ConnectionCheck.Title, "ssh rejects the options"));
            steps.Add(DoctorStep.Skip(ForwardCheck.Id, ForwardCheck.Title, "no connection"));
            return Report();
        }

        // Forwards the running daemon already serves cannot be bound twice: test the connection without them.
        var oneShot = tunnel with
        {
            Local = [.. tunnel.Local.Where(f => !held.Contains(f))],
            Remote = [.. tunnel.Remote.Where(f => !held.Contains(f))],
            Dynamic = [.. tunnel.Dynamic.Where(f => !held.Contains(f))],
        };
        var (connectStep, running) = await ConnectionCheck.RunAsync(oneShot, resolved, options, time, cancellationToken);
        steps.Add(connectStep);
        if (running is null)
        {
            steps.Add(DoctorStep.Skip(ForwardCheck.Id, ForwardCheck.Title, "no connection"));
            return Report();
        }

        try
        {
            steps.Add(await ForwardCheck.RunAsync(tunnel, running, options, time, cancellationToken));
        }
        finally
        {
            await running.StopAsync(options.StopGrace);
        }

        return Report();
    }

    private static (DoctorStep Step, TunnelActorsSettings? Settings, TunnelSettings? Tunnel) CheckConfiguration(string configPath, string tunnelName)
    {
        const string id = "config";
        const string title = "the configuration binds";
        var result = ConfigurationBinder.Load(configPath);
        if (result.Settings is not { } settings)
        {
            return (new DoctorStep(id, title, Verdict.Fail, [.. result.Errors.Select(e => e.ToString())],
                [$"fix the errors above (file:line: setting: problem); tunnelactors check -c {configPath} lists them too"]), null, null);
        }

        if (settings.Tunnels.FirstOrDefault(t => t.Name == tunnelName) is not { } tunnel)
        {
            return (new DoctorStep(id, title, Verdict.Fail,
                [$"no tunnel '{tunnelName}' in {configPath}; configured: {(settings.Tunnels.IsEmpty ? "none" : string.Join(", ", settings.Tunnels.Select(t => t.Name)))}"],
                ["give one of the configured names (tunnelactors check -c FILE lists them)"]), settings, null);
        }

        var d = tunnel.Destination;
        return (DoctorStep.Ok(id, title,
            $"tunnel {tunnel.Name}: {(d.User is null ? string.Empty : d.User + "@")}{d.Host}{(d.Port is { } p ? $" port {p}" : string.Empty)}, "
            + $"{tunnel.Local.Length} -L, {tunnel.Remote.Length} -R, {tunnel.Dynamic.Length} -D, monitor {tunnel.Monitor.Mode.ToString().ToLowerInvariant()}"), settings, tunnel);
    }
}
