using Microsoft.Extensions.Logging;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>Starts and stops the tunnel supervisor behind <see cref="ITunnelController"/> (the actor system implements it).</summary>
public interface ITunnelControllerFactory
{
    /// <summary>Starts supervising <paramref name="settings"/>; returns once the supervisor answers queries.</summary>
    Task<ITunnelController> StartAsync(TunnelActorsSettings settings, CancellationToken cancellationToken);

    /// <summary>Stops every tunnel and the supervisor; <paramref name="cancellationToken"/> fires when the stop must be cut short.</summary>
    Task StopAsync(ITunnelController controller, CancellationToken cancellationToken);

    /// <summary>Hands the host's logging to the supervisor before <see cref="StartAsync"/>; default: ignored.</summary>
    void UseLogging(ILoggerFactory loggerFactory)
    {
    }
}
