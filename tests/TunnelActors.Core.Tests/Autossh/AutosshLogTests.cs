using System.Net.Sockets;
using System.Text;
using TunnelActors.Core.Autossh;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The drop-in's log over real sinks: a file, a writer and a syslog datagram socket the test binds.</summary>
public sealed class AutosshLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-autossh-log-").FullName;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 23, 22, 36, TimeSpan.Zero));

    [Fact]
    public void Write_LogFilePlan_AppendsFilteredLinesToFile()
    {
        // Arrange
        var path = Path.Combine(_dir, "autossh.log");
        File.WriteAllText(path, "earlier\n");
        var plan = new AutosshLogPlan(path, false, false, 6);
        Assert.Null(AutosshLog.TryOpen(plan, _time, 4242, TextWriter.Null, "/nonexistent", out var log));

        // Act
        using (log)
        {
            log!.Info("starting ssh (count 1)");
            log.Debug("check on child 77");
            _time.Advance(TimeSpan.FromSeconds(2));
            log.Error("ssh exited prematurely with status 0; autossh exiting");
        }

        // Assert
        Assert.Equal(
            "earlier\n2026/11/21 23:22:36 autossh[4242]: starting ssh (count 1)\n" +
            "2026/11/21 23:22:38 autossh[4242]: ssh exited prematurely with status 0; autossh exiting\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void TryOpen_UnwritableLogFile_IsFatalErrorNamingThePath()
    {
        var plan = new AutosshLogPlan("/nonexistent/dir/log", false, false, 6);

        var error = AutosshLog.TryOpen(plan, _time, 1, TextWriter.Null, "/nonexistent", out var log);

        Assert.Null(log);
        Assert.NotNull(error);
        Assert.StartsWith("/nonexistent/dir/log: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public void Write_DebugPlan_CopiesEveryLevelToStderr()
    {
        // F3: AUTOSSH_DEBUG without a log file.
        using var stderr = new StringWriter();
        Assert.Null(AutosshLog.TryOpen(new AutosshLogPlan(null, false, true, 7), _time, 27063, stderr, "/nonexistent", out var log));

        using (log)
        {
            log!.Debug("check on child 27064");
        }

        Assert.Equal("autossh[27063]: check on child 27064\n", stderr.ToString());
    }

    [Fact]
    public async Task Write_SyslogPlan_SendsDatagramToSocket()
    {
        // Arrange: a real Unix datagram socket stands in for /dev/log.
        var socketPath = Path.Combine(_dir, "log.sock");
        using var receiver = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        receiver.Bind(new UnixDomainSocketEndPoint(socketPath));
        Assert.True(AutosshSyslogSink.IsAvailable(socketPath));
        Assert.Null(AutosshLog.TryOpen(new AutosshLogPlan(null, true, false, 6), _time, 99, TextWriter.Null, socketPath, out var log));

        // Act
        using (log)
        {
            log!.Info("port down, restarting ssh");
        }

        // Assert
        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = await receiver.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        Assert.Equal("<14>Nov 21 23:22:36 autossh[99]: port down, restarting ssh", Encoding.UTF8.GetString(buffer, 0, received));
    }

    [Fact]
    public void Write_SyslogSocketMissing_DoesNotThrow()
    {
        using var sink = new AutosshSyslogSink(Path.Combine(_dir, "missing.sock"));

        sink.Write(new AutosshLogEntry(AutosshLogLevel.Info, _time.GetLocalNow(), 1, "m"));

        Assert.False(AutosshSyslogSink.IsAvailable(Path.Combine(_dir, "missing.sock")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
