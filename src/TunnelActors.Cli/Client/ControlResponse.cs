using System.Net;

namespace TunnelActors.Cli.Client;

/// <summary>An answer of the control API: the status code, and either the typed body or the error message.</summary>
/// <typeparam name="T">The body type of a successful answer.</typeparam>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body when the status is 2xx (or a 422 reload answer), otherwise default.</param>
/// <param name="Error">The error message of a non-2xx answer, otherwise null.</param>
internal sealed record ControlResponse<T>(HttpStatusCode Status, T? Body, string? Error)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
