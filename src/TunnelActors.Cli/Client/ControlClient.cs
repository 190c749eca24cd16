using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Client;

/// <summary>Talks HTTP/JSON to the daemon over its Unix control socket.</summary>
internal sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client for the daemon listening on <paramref name="socketPath"/>.</summary>
    public ControlClient(string socketPath, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = (_, ct) => ConnectAsync(socketPath, ct),
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://tunnelactors/"), Timeout = timeout };
    }

    /// <summary>GET <paramref name="path"/>.</summary>
    /// <exception cref="DaemonNotRunningException">Nothing listens on the socket.</exception>
    public Task<ControlResponse<T>> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), type, cancellationToken);

    /// <summary>POST <paramref name="path"/> with no body.</summary>
    /// <exception cref="DaemonNotRunningException">Nothing listens on the socket.</exception>
    public Task<ControlResponse<T>> PostAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path), type, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static async ValueTask<Stream> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            throw new DaemonNotRunningException($"the daemon is not running: no control socket at {socketPath}");
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable)
        {
            socket.Dispose();
            throw new DaemonNotRunningException($"the daemon is not running: nothing listens on {socketPath}", exception);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<ControlResponse<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException exception) when (exception.InnerException is DaemonNotRunningException notRunning)
            {
                throw notRunning;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.UnprocessableEntity
                    ? new ControlResponse<T>(response.StatusCode, Parse(text, type), response.IsSuccessStatusCode ? null : "rejected")
                    : new ControlResponse<T>(response.StatusCode, default, ErrorMessage(text, response));
            }
        }
    }

    private static T? Parse<T>(string text, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(text, type);

    private static string ErrorMessage(string text, HttpResponseMessage response)
    {
        try
        {
            if (JsonSerializer.Deserialize(text, ControlJsonContext.Default.ErrorResponse) is { Error: { Length: > 0 } error })
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // Not our JSON: fall back to the status line.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
