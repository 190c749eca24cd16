using TunnelActors.Cli.Client;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.History;
using TunnelActors.Cli.Runtime;

namespace TunnelActors.Cli.Hosting;

/// <summary>The one place where the real configuration loader, supervisor and journal are plugged in.</summary>
internal static class Composition
{
    private static readonly RuntimeControllerFactory Runtime = new(TimeProvider.System);

    /// <summary>Loads the HOCON configuration over the embedded reference.conf.</summary>
    public static ITunnelConfigLoader ConfigLoader { get; } = new HoconConfigLoader();

    /// <summary>Starts the actor-based supervisor with its journal.</summary>
    public static ITunnelControllerFactory ControllerFactory => Runtime;

    /// <summary>The event journal's read side (of the running supervisor).</summary>
    public static ITunnelHistory? History => Runtime;

    /// <summary>The daemon's components for this process.</summary>
    public static DaemonComponents Daemon() => new(
        ConfigLoader,
        ControllerFactory,
        History,
        DatagramNotifier.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId),
        TimeProvider.System);

    /// <summary>How the CLI finds the control socket: <c>--socket</c>, else the config's, else the default state dir's.</summary>
    public static ControlSocketLocator SocketLocator() => new(
        ConfigLoader,
        () => DefaultPaths.StateDir(Environment.GetEnvironmentVariable, Control.PeerCredentials.OwnUid == 0));
}
