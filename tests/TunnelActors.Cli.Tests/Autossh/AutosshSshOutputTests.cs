using Microsoft.Extensions.Logging;
using TunnelActors.Cli.Autossh;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The drop-in's copy of ssh's lines: the tunnel layer's stderr events (4209) to stderr, stdout events (4215)
/// to stdout, nothing else.</summary>
public sealed partial class AutosshSshOutputTests : IDisposable
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly ILoggerFactory _factory;
    private readonly ILogger _logger;

    public AutosshSshOutputTests()
    {
        _factory = AutosshSshOutput.Factory(_stdout, _stderr);
        _logger = _factory.CreateLogger("TunnelActors.Core.Tunnels.TunnelActor");
    }

    [Fact]
    public void Log_StdoutLineEvent_CopiedToStdoutOnly()
    {
        StdoutLine(_logger, "autossh", 1, "hello-from-remote");

        Assert.Equal("hello-from-remote" + Environment.NewLine, _stdout.ToString());
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public void Log_StderrLineEvent_CopiedToStderrOnly()
    {
        StderrLine(_logger, "autossh", 1, "Connection refused");

        Assert.Equal("Connection refused" + Environment.NewLine, _stderr.ToString());
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public void Log_OtherEvent_NotCopied()
    {
        OtherLine(_logger, "autossh", 1, "ssh ended");

        Assert.Empty(_stdout.ToString());
        Assert.Empty(_stderr.ToString());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    // The tunnel layer's events by id and field name (TunnelLog.StdoutLine, StderrLine), and one that is not copied.
    [LoggerMessage(4215, LogLevel.Debug, "Tunnel {Tunnel} #{Incarnation} remote command: {Line}")]
    private static partial void StdoutLine(ILogger logger, string tunnel, long incarnation, string line);

    [LoggerMessage(4209, LogLevel.Debug, "Tunnel {Tunnel} #{Incarnation} ssh: {Line}")]
    private static partial void StderrLine(ILogger logger, string tunnel, long incarnation, string line);

    [LoggerMessage(4200, LogLevel.Debug, "Tunnel {Tunnel} #{Incarnation}: {Line}")]
    private static partial void OtherLine(ILogger logger, string tunnel, long incarnation, string line);
}
