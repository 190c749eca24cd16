using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Hosting;

/// <summary>An <see cref="ITunnelControllerFactory"/> over two functions, to wire the supervisor in one line.</summary>
/// <param name="start">Starts the supervisor for the settings.</param>
/// <param name="stop">Stops it (every tunnel, then the supervisor).</param>
public sealed class DelegateTunnelControllerFactory(
    Func<TunnelActorsSettings, CancellationToken, Task<ITunnelController>> start,
    Func<ITunnelController, CancellationToken, Task> stop) : ITunnelControllerFactory
{
    /// <inheritdoc />
    public Task<ITunnelController> StartAsync(TunnelActorsSettings settings, CancellationToken cancellationToken) => start(settings, cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(ITunnelController controller, CancellationToken cancellationToken) => stop(controller, cancellationToken);
}
