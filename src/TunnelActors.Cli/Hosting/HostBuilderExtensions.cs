using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TunnelActors.Cli.Control;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Hosting;

/// <summary>Registers the daemon's services: supervisor host, reloads, status/watchdog, signals, control API.</summary>
public static class HostBuilderExtensions
{
    /// <summary>Adds the TunnelActors host to <paramref name="services"/>, supervising <paramref name="settings"/> loaded from <paramref name="configPath"/>.</summary>
    /// <remarks>Replaces the console lifetime with the daemon's own signal handling.</remarks>
    public static IServiceCollection AddTunnelActorsHost(
        this IServiceCollection services,
        string configPath,
        TunnelActorsSettings settings,
        DaemonComponents components,
        DaemonOptions options)
    {
        services.AddSingleton(components);
        services.AddSingleton(options);
        services.AddSingleton(new TunnelRuntime(configPath, settings));
        services.AddSingleton<ReloadCoordinator>();
        services.AddSingleton<ControllerGateway>();
        services.AddSingleton<IHostLifetime, SignalLifetime>();
        services.AddHostedService<TunnelHostService>();
        services.AddSingleton<StatusReporter>();
        services.AddHostedService(provider => provider.GetRequiredService<StatusReporter>());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        return services;
    }
}
