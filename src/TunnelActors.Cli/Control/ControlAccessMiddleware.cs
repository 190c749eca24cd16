using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TunnelActors.Cli.Control;

/// <summary>Lets in only our own uid (or root) on the Unix socket, and only the bearer token on loopback TCP.</summary>
/// <remarks>Fails closed: a connection whose socket or credentials cannot be read is refused.</remarks>
internal sealed class ControlAccessMiddleware(RequestDelegate next, ILogger<ControlAccessMiddleware> logger, BearerToken? token = null)
{
    public Task InvokeAsync(HttpContext context)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket?.AddressFamily == AddressFamily.Unix)
        {
            if (PeerCredentials.Read(socket) is not { } peer)
            {
                ControlLog.NoCredentials(logger);
                return RefuseAsync(context, StatusCodes.Status403Forbidden, "peer credentials unavailable");
            }

            if (!peer.IsTrusted)
            {
                ControlLog.PeerRefused(logger, peer.Uid, PeerCredentials.OwnUid);
                return RefuseAsync(context, StatusCodes.Status403Forbidden, $"uid {peer.Uid} may not control this daemon");
            }

            return next(context);
        }

        if (token is not null && socket is not null && token.Accepts(context.Request.Headers.Authorization))
        {
            return next(context);
        }

        ControlLog.TokenRefused(logger, context.Connection.RemoteIpAddress?.ToString());
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return RefuseAsync(context, StatusCodes.Status401Unauthorized, "a valid bearer token is required");
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.Headers.Connection = "close";
        return Results.Json(new ErrorResponse(message), ControlJsonContext.Default.ErrorResponse, statusCode: status).ExecuteAsync(context);
    }
}
