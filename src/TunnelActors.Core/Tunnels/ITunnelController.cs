using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tunnels;

/// <summary>What the host, the control API and the CLI may ask of the running tunnel supervisor.</summary>
/// <remarks>Implemented over the root supervisor actor; tests of the host use a fake.</remarks>
public interface ITunnelController
{
    /// <summary>Status of every tunnel, ordered by name.</summary>
    Task<IReadOnlyList<TunnelStatus>> GetStatusesAsync(CancellationToken cancellationToken);

    /// <summary>Status of one tunnel, or null if no tunnel has that name.</summary>
    Task<TunnelStatus?> GetStatusAsync(string name, CancellationToken cancellationToken);

    /// <summary>Kills the tunnel's ssh and starts a new one at once; false if unknown.</summary>
    Task<bool> RestartAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stops the tunnel (it stays configured, in state Stopped); false if unknown.</summary>
    Task<bool> StopAsync(string name, CancellationToken cancellationToken);

    /// <summary>Starts a stopped tunnel; false if unknown.</summary>
    Task<bool> StartAsync(string name, CancellationToken cancellationToken);

    /// <summary>Applies a new validated configuration: starts added, stops removed, restarts changed tunnels.</summary>
    Task<TunnelSetDiff> ApplyAsync(TunnelActorsSettings settings, CancellationToken cancellationToken);

    /// <summary>Probes every tunnel now (SIGUSR1).</summary>
    Task ProbeAllAsync(CancellationToken cancellationToken);
}
