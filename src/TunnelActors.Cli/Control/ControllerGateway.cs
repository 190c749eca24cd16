using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Hosting;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Control;

/// <summary>Calls the supervisor for the control API with a deadline, turning every failure into an HTTP answer.</summary>
/// <remarks>No exception from the supervisor escapes into Kestrel or the host: timeouts answer 503, bugs 500.</remarks>
internal sealed class ControllerGateway(
    TunnelRuntime runtime,
    DaemonComponents components,
    DaemonOptions options,
    ILogger<ControllerGateway> logger)
{
    /// <summary>Runs <paramref name="call"/> against the current controller within <see cref="DaemonOptions.ControllerTimeout"/>.</summary>
    public async Task<IResult> CallAsync(HttpContext context, Func<ITunnelController, CancellationToken, Task<IResult>> call)
    {
        if (runtime.Controller is not { } controller)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "the tunnel supervisor is not running");
        }

        var aborted = context.RequestAborted;
        var deadline = options.ControllerTimeout;
        using var timeout = new CancellationTokenSource(deadline, components.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeout.Token);
        try
        {
            return await call(controller, linked.Token).WaitAsync(deadline, components.TimeProvider, aborted);
        }
        catch (Exception exception) when (!aborted.IsCancellationRequested
            && (exception is TimeoutException || (exception is OperationCanceledException && timeout.IsCancellationRequested)))
        {
            ControlLog.ControllerTimeout(logger, context.Request.Path, deadline);
            return Error(StatusCodes.Status503ServiceUnavailable, $"the tunnel supervisor did not answer within {deadline.TotalSeconds:0.#}s");
        }
        catch (Exception exception) when (!aborted.IsCancellationRequested)
        {
            ControlLog.RequestFailed(logger, context.Request.Path, exception);
            return Error(StatusCodes.Status500InternalServerError, $"the tunnel supervisor failed: {exception.Message}");
        }
    }

    /// <summary>An error answer with an <see cref="ErrorResponse"/> body.</summary>
    public static IResult Error(int status, string message) =>
        Results.Json(new ErrorResponse(message), ControlJsonContext.Default.ErrorResponse, statusCode: status);

    /// <summary>The 404 answer for a tunnel name the supervisor does not know.</summary>
    public static IResult UnknownTunnel(string name) => Error(StatusCodes.Status404NotFound, $"unknown tunnel '{name}'");
}
