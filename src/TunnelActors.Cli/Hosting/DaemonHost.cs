using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Control;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Hosting;

/// <summary>Builds the daemon: an empty web host (no config files, no HTTPS) with Kestrel on the control socket.</summary>
internal static class DaemonHost
{
    /// <summary>Builds, but does not start, the host for <paramref name="settings"/>.</summary>
    /// <exception cref="IOException">The state directory cannot be prepared or another daemon owns the socket.</exception>
    public static WebApplication Build(
        string configPath,
        TunnelActorsSettings settings,
        DaemonComponents components,
        DaemonOptions options,
        Action<ILoggingBuilder> configureLogging)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the daemon needs Unix sockets and file modes");
        }

        var socketPath = ControlPaths.Socket(settings);
        ControlSocketFile.Prepare(settings.StateDir, socketPath);
        var tokenFile = ControlPaths.TokenFile(settings);
        var token = settings.Control.TcpPort is not null && tokenFile is not null ? BearerToken.FromFile(tokenFile) : null;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "tunnelactors" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenUnixSocket(socketPath);
            if (token is not null)
            {
                // TCP only on loopback and only with a token (ControlSettings requires the token file).
                kestrel.Listen(IPAddress.Loopback, settings.Control.TcpPort!.Value);
            }
        });
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ControlJsonContext.Default));
        builder.Services.AddTunnelActorsHost(configPath, settings, components, options);
        configureLogging(builder.Logging);

        var app = builder.Build();
        app.UseMiddleware<ControlAccessMiddleware>(Optional(token));
        app.MapControlApi();
        app.MapFallback(() => ControllerGateway.Error(StatusCodes.Status404NotFound, "no such endpoint"));
        return app;
    }

    // UseMiddleware needs a non-null argument to bind; a holder keeps "no token" explicit.
    private static object[] Optional(BearerToken? token) => token is null ? [] : [token];
}
