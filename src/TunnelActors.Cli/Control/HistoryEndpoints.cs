using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Time;

namespace TunnelActors.Cli.Control;

/// <summary><c>GET /v1/history</c> and <c>GET /v1/tunnels/{name}/history?since=1h&amp;limit=1000</c>, served by the journal.</summary>
internal static class HistoryEndpoints
{
    /// <summary>Events returned when no <c>limit</c> is given.</summary>
    public const int DefaultLimit = 1000;

    /// <summary>Maps both history routes.</summary>
    public static void MapHistory(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/history", (string? since, int? limit, DaemonComponents components, CancellationToken ct) =>
            GetAsync(null, since, limit, components, ct));
        routes.MapGet("/v1/tunnels/{name}/history", (string name, string? since, int? limit, DaemonComponents components, CancellationToken ct) =>
            GetAsync(name, since, limit, components, ct));
    }

    private static async Task<IResult> GetAsync(string? name, string? since, int? limit, DaemonComponents components, CancellationToken ct)
    {
        if (components.History is not { } history)
        {
            return ControllerGateway.Error(StatusCodes.Status501NotImplemented, "history is not available: this daemon has no event journal");
        }

        var now = components.TimeProvider.GetUtcNow();
        if (!SinceText.TryParse(since ?? "1h", now, out var from))
        {
            return ControllerGateway.Error(StatusCodes.Status400BadRequest, $"invalid since '{since}': use a duration such as 90s, 15m, 1h30m, 2d or an ISO 8601 time");
        }

        if (limit is <= 0)
        {
            return ControllerGateway.Error(StatusCodes.Status400BadRequest, "limit must be positive");
        }

        try
        {
            var entries = await history.GetAsync(name, from, limit ?? DefaultLimit, ct);
            return Results.Json(entries.ToList(), ControlJsonContext.Default.ListTunnelHistoryEntry);
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            return ControllerGateway.Error(StatusCodes.Status500InternalServerError, $"the journal failed: {exception.Message}");
        }
    }
}
