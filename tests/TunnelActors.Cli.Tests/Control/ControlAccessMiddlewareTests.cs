using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Cli.Tests.Control;

[Collection(DaemonCollection.Name)]
public sealed class ControlAccessMiddlewareTests
{
    private const UnixFileMode Open = (UnixFileMode)0b111_101_101;

    [RootFact("setpriv", "curl")]
    public async Task UnixRequest_FromAnotherUid_IsRefusedWith403()
    {
        // The socket lives in a world-traversable directory and is made world-writable on purpose, so that only
        // the peer-credential check stands between uid 65534 and the API.
        await using var daemon = await TestDaemon.StartAsync(["alpha"], control: dir =>
        {
            File.SetUnixFileMode(dir, Open);
            Directory.CreateDirectory(Path.Combine(dir, "public"), Open);
            return new ControlSettings(Path.Combine(dir, "public", "control.sock"), null, null);
        });
        File.SetUnixFileMode(daemon.SocketPath, (UnixFileMode)0b110_110_110);

        var asRoot = await CurlAsync(daemon.SocketPath);
        var asNobody = await CurlAsync(daemon.SocketPath, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");

        Assert.EndsWith("\n200", asRoot.Output, StringComparison.Ordinal);
        Assert.EndsWith("\n403", asNobody.Output, StringComparison.Ordinal);
        Assert.Contains("uid 65534 may not control this daemon", asNobody.Output, StringComparison.Ordinal);
        Assert.Equal([("restart", "alpha")], daemon.Controller.Actions);
    }

    [Fact]
    public async Task ControlSocket_AfterStart_IsMode0600InAMode0700StateDir()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.SocketPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(daemon.StateDir));
    }

    [Fact]
    public async Task TcpRequest_WithoutOrWithWrongToken_Is401AndWithTheTokenIsServed()
    {
        var port = LoopbackPorts.FindFree();
        await using var daemon = await TestDaemon.StartAsync(["alpha"], control: dir =>
        {
            Directory.CreateDirectory(Path.Combine(dir, "state"));
            File.WriteAllText(Path.Combine(dir, "state", "token"), "s3cret-token\n");
            return new ControlSettings("control.sock", port, "token");
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeouts.Event };

        using var none = await http.GetAsync("v1/tunnels");
        using var wrong = await SendAsync(http, HttpMethod.Post, "v1/tunnels/alpha/restart", "s3cret-tokeN");
        using var right = await SendAsync(http, HttpMethod.Get, "v1/tunnels", "s3cret-token");
        using var unix = daemon.Http();
        using var overUnix = await unix.GetAsync("v1/tunnels");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Empty(daemon.Controller.Actions);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overUnix.StatusCode);
    }

    [Fact]
    public async Task TcpListener_WithoutTokenFile_IsNotOpened()
    {
        var port = LoopbackPorts.FindFree();
        await using var daemon = await TestDaemon.StartAsync(["alpha"], control: _ => new ControlSettings("control.sock", port, null));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await daemon.Logs.WaitForAsync(LogLevel.Warning, $"control.tcp-port {port} is ignored");
    }

    private static Task<(int ExitCode, string Output, string Error)> CurlAsync(string socket, params string[] prefix)
    {
        string[] curl = ["curl", "-s", "-w", "\n%{http_code}", "--unix-socket", socket, "http://localhost/v1/tunnels/alpha/restart", "-X", "POST"];
        string[] argv = [.. prefix, .. curl];
        return ChildProcess.RunAsync(argv[0], argv[1..]);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
