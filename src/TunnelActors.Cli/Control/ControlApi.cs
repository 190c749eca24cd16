using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TunnelActors.Cli.Hosting;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Control;

/// <summary>The control API's routes (<c>/v1/...</c>); history lives in <see cref="HistoryEndpoints"/>.</summary>
internal static class ControlApi
{
    /// <summary>Maps every control endpoint.</summary>
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/tunnels", (HttpContext context, ControllerGateway gateway) =>
            gateway.CallAsync(context, async (controller, ct) =>
            {
                var statuses = await controller.GetStatusesAsync(ct);
                var documents = statuses.Select(TunnelStatusDocument.From).ToList();
                return Results.Json(documents, ControlJsonContext.Default.ListTunnelStatusDocument);
            }));

        routes.MapGet("/v1/tunnels/{name}", (string name, HttpContext context, ControllerGateway gateway) =>
            gateway.CallAsync(context, async (controller, ct) =>
                await controller.GetStatusAsync(name, ct) is { } status
                    ? Results.Json(TunnelStatusDocument.From(status), ControlJsonContext.Default.TunnelStatusDocument)
                    : ControllerGateway.UnknownTunnel(name)));

        MapTunnelAction(routes, "restart", (controller, name, ct) => controller.RestartAsync(name, ct));
        MapTunnelAction(routes, "stop", (controller, name, ct) => controller.StopAsync(name, ct));
        MapTunnelAction(routes, "start", (controller, name, ct) => controller.StartAsync(name, ct));

        routes.MapPost("/v1/probe", (HttpContext context, ControllerGateway gateway) =>
            gateway.CallAsync(context, async (controller, ct) =>
            {
                await controller.ProbeAllAsync(ct);
                return Results.Json(new ActionResponse("probe", null), ControlJsonContext.Default.ActionResponse);
            }));

        routes.MapPost("/v1/reload", ReloadAsync);
        routes.MapHistory();
        return routes;
    }

    private static void MapTunnelAction(IEndpointRouteBuilder routes, string action, Func<ITunnelController, string, CancellationToken, Task<bool>> call) =>
        routes.MapPost($"/v1/tunnels/{{name}}/{action}", (string name, HttpContext context, ControllerGateway gateway) =>
            gateway.CallAsync(context, async (controller, ct) =>
                await call(controller, name, ct)
                    ? Results.Json(new ActionResponse(action, name), ControlJsonContext.Default.ActionResponse)
                    : ControllerGateway.UnknownTunnel(name)));

    private static async Task<IResult> ReloadAsync(ReloadCoordinator reloader, HttpContext context)
    {
        var outcome = await reloader.ReloadAsync("the control API", context.RequestAborted);
        var diff = outcome.Diff;
        var response = new ReloadResponse(
            outcome.Applied,
            outcome.Errors,
            diff is null ? [] : [.. diff.Added.Select(t => t.Name)],
            diff is null ? [] : diff.Removed,
            diff is null ? [] : [.. diff.Changed.Select(t => t.Name)],
            diff is null ? [] : diff.Unchanged);
        return Results.Json(
            response,
            ControlJsonContext.Default.ReloadResponse,
            statusCode: outcome.Applied ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }
}
