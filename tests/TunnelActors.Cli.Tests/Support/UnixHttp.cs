using System.Net.Sockets;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>A plain HttpClient whose connections go to a Unix socket.</summary>
internal static class UnixHttp
{
    public static HttpClient Create(string socketPath) =>
        new(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        {
            BaseAddress = new Uri("http://tunnelactors/"),
            Timeout = Timeouts.Event,
        };
}
