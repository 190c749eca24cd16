using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class ForwardSpecParserTests
{
    [Theory]
    [InlineData("5000:localhost:5000", null, 5000, null, "localhost", 5000, null)]
    [InlineData("127.0.0.1:5000:db:5432", "127.0.0.1", 5000, null, "db", 5432, null)]
    [InlineData("[::1]:8080:[fe80::1]:80", "::1", 8080, null, "fe80::1", 80, null)]
    [InlineData("*:8080:web:80", "*", 8080, null, "web", 80, null)]
    [InlineData("5000:/var/run/app.sock", null, 5000, null, null, null, "/var/run/app.sock")]
    [InlineData("/tmp/l.sock:db:5432", null, null, "/tmp/l.sock", "db", 5432, null)]
    [InlineData("/tmp/l.sock:/tmp/r.sock", null, null, "/tmp/l.sock", null, null, "/tmp/r.sock")]
    public void TryParse_LocalForms_ParseLikeSsh(string spec, string? bind, int? port, string? socket, string? host, int? targetPort, string? targetSocket)
    {
        // Act
        var forward = ForwardSpecParser.TryParse(ForwardKind.Local, spec, out var problem);

        // Assert
        Assert.Null(problem);
        Assert.Equal(new ForwardSpec(ForwardKind.Local, spec, bind, port, socket, host, targetPort, targetSocket), forward);
    }

    [Theory]
    [InlineData(ForwardKind.Local, "5000:localhost", "no target")]
    [InlineData(ForwardKind.Local, "70000:localhost:80", "listening port '70000'")]
    [InlineData(ForwardKind.Local, "5000:localhost:http", "target port 'http'")]
    [InlineData(ForwardKind.Local, "[::1:5000:h:80", "unclosed '['")]
    [InlineData(ForwardKind.Local, "1:2:3:4:5", "too many")]
    [InlineData(ForwardKind.Dynamic, "1080:host:80", "only has a listening side")]
    [InlineData(ForwardKind.Dynamic, "0", "listening port '0'")]
    public void TryParse_Invalid_ExplainsTheProblem(ForwardKind kind, string spec, string expected)
    {
        // Act
        var forward = ForwardSpecParser.TryParse(kind, spec, out var problem);

        // Assert
        Assert.Null(forward);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ForwardKind.Dynamic, "1080", null, 1080)]
    [InlineData(ForwardKind.Dynamic, "127.0.0.1:1080", "127.0.0.1", 1080)]
    [InlineData(ForwardKind.Remote, "8022:localhost:22", null, 8022)]
    [InlineData(ForwardKind.Remote, "0.0.0.0:1080", "0.0.0.0", 1080)]
    public void TryParse_DynamicAndRemote_Parse(ForwardKind kind, string spec, string? bind, int port)
    {
        // Act
        var forward = ForwardSpecParser.TryParse(kind, spec, out _);

        // Assert
        Assert.NotNull(forward);
        Assert.Equal((bind, port), (forward.BindAddress, forward.ListenPort));
    }
}
