using TunnelActors.Cli.Client;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Hosting;

/// <summary>The one place where the real configuration loader, supervisor and journal are plugged in.</summary>
/// <remarks>Each placeholder below is one line to replace once its piece is merged.</remarks>
internal static class Composition
{
    /// <summary>Loads the HOCON configuration (placeholder: always reports that no loader is built in).</summary>
    public static ITunnelConfigLoader ConfigLoader { get; } = new UnavailableConfigLoader();

    /// <summary>Starts the actor-based supervisor (placeholder: refuses to start).</summary>
    public static ITunnelControllerFactory ControllerFactory { get; } = new UnavailableControllerFactory();

    /// <summary>The SQLite event journal read side, or null (history answers 501).</summary>
    public static ITunnelHistory? History => null;

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
