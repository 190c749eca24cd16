using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Hosting;

/// <summary>The pieces the daemon host is built from; the real ones are chosen in <c>Hosting/Composition.cs</c>.</summary>
/// <param name="ConfigLoader">Loads and validates the configuration (start and every reload).</param>
/// <param name="ControllerFactory">Starts and stops the tunnel supervisor.</param>
/// <param name="History">The event journal, or null (history endpoints answer 501).</param>
/// <param name="Notifier">The service manager notifier.</param>
/// <param name="TimeProvider">The clock.</param>
public sealed record DaemonComponents(
    ITunnelConfigLoader ConfigLoader,
    ITunnelControllerFactory ControllerFactory,
    ITunnelHistory? History,
    INotifier Notifier,
    TimeProvider TimeProvider);
