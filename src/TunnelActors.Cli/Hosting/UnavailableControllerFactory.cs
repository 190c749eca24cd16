using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>Placeholder until the actor-based supervisor is wired in <c>Hosting/Composition.cs</c>.</summary>
internal sealed class UnavailableControllerFactory : ITunnelControllerFactory
{
    public Task<ITunnelController> StartAsync(TunnelActorsSettings settings, CancellationToken cancellationToken) =>
        throw new NotSupportedException("this build has no tunnel supervisor yet");

    public Task StopAsync(ITunnelController controller, CancellationToken cancellationToken) => Task.CompletedTask;
}
