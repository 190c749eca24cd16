using TunnelActors.Core.Autossh;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The start-up sequence: version, usage and error output, logging set-up, pid file, exit statuses.</summary>
public sealed class AutosshStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-autossh-startup-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 23, 22, 36, TimeSpan.Zero));

    [Fact]
    public void Begin_DashV_PrintsVersionAndExitsZero()
    {
        var (code, session) = Begin(["-V"]);

        Assert.Equal(0, code);
        Assert.Null(session);
        Assert.Equal("autossh 1.4g\n", _stdout.ToString());   // A6
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public void Begin_NoDestination_PrintsAutosshUsageAndExitsOne()
    {
        var (code, _) = Begin(["-M", "0"]);

        Assert.Equal(1, code);                                 // A6
        Assert.Equal(AutosshUsage.Text, _stderr.ToString());
        Assert.Empty(_stdout.ToString());
    }

    [Theory]
    [InlineData(AutosshDialect.Improved)]
    [InlineData(AutosshDialect.Reference)]
    public void Begin_OnlyOptionsAfterDoubleDash_IsUsageErrorInBothDialects(AutosshDialect dialect)
    {
        var (code, session) = Begin(["-M", "0", "--", "-N"], dialect);

        Assert.Equal(1, code);
        Assert.Null(session);
        Assert.StartsWith("autossh: no ssh destination given\nusage: autossh", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_InvalidEnvironment_NamesVariableOnStderrEvenForDashV()
    {
        // F4: autossh exits 1 silently; we exit 1 and say why.
        var (code, _) = Begin(["-V"], "AUTOSSH_POLL=abc");

        Assert.Equal(1, code);
        Assert.Equal("autossh: AUTOSSH_POLL: invalid poll time \"abc\"\n", _stderr.ToString());
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public void Begin_UnopenableLogFile_ExitsOneBeforeGetopt()
    {
        var (code, _) = Begin(["-V"], "AUTOSSH_LOGFILE=/nonexistent/dir/log");

        Assert.Equal(1, code);
        Assert.StartsWith("autossh: AUTOSSH_LOGFILE: /nonexistent/dir/log: ", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_BadMonitorPort_PrintsAndLogsTheError()
    {
        var (code, _) = Begin(["-M", "65535", "host"], "AUTOSSH_LOGFILE=a.log");

        Assert.Equal(1, code);                                 // F5
        Assert.Equal("autossh: monitor port (65535) out of range\n", _stderr.ToString());
        Assert.Equal("2026/11/21 23:22:36 autossh[321]: monitor port (65535) out of range\n", File.ReadAllText(Path.Combine(_dir, "a.log")));
    }

    [Fact]
    public void Begin_Runnable_LogsStartupMessagesToRelativeLogFile()
    {
        // Arrange / Act
        var (code, session) = Begin(["-M", "0", "-N", "host"], "AUTOSSH_LOGFILE=a.log", "AUTOSSH_POLL=6", "AUTOSSH_NTSERVICE=yes");
        using (session)
        {
            // Assert
            Assert.Null(code);
            Assert.NotNull(session);
            Assert.Equal("host", session.Settings.Tunnel.Destination.Host);
        }

        Assert.Equal(
            "2026/11/21 23:22:36 autossh[321]: AUTOSSH_NTSERVICE: has no effect outside Cygwin builds of autossh; ignored\n" +
            "2026/11/21 23:22:36 autossh[321]: port set to 0, monitoring disabled\n" +
            "2026/11/21 23:22:36 autossh[321]: short poll time: adjusting net timeouts to 3000\n",
            File.ReadAllText(Path.Combine(_dir, "a.log")));
        Assert.Equal("autossh: warning: AUTOSSH_NTSERVICE: has no effect outside Cygwin builds of autossh; ignored\n", _stderr.ToString());
    }

    [Fact]
    public void Begin_DebugWithoutLogFile_CopiesLogToStderr()
    {
        var (_, session) = Begin(["-M", "0", "host"], "AUTOSSH_DEBUG=1");
        using (session)
        {
            session!.Log.Debug("check on child 5");
        }

        Assert.Equal("autossh[321]: port set to 0, monitoring disabled\nautossh[321]: check on child 5\n", _stderr.ToString()); // F3
    }

    [Theory]
    [InlineData(AutosshOutcome.SshExitedCleanly, 0)]
    [InlineData(AutosshOutcome.Signalled, 1)]
    public void Finish_AfterPidFileWritten_RemovesItAndReturnsStatus(AutosshOutcome outcome, int status)
    {
        // F2: the pid file exists while running and is removed on an orderly exit.
        var (_, session) = Begin(["-M", "0", "host"], "AUTOSSH_PIDFILE=x.pid", "AUTOSSH_LOGFILE=a.log");
        var pidPath = Path.Combine(_dir, "x.pid");

        Assert.Null(session!.WritePidFile());
        Assert.Equal("321\n", File.ReadAllText(pidPath));
        Assert.Equal(status, session.Finish(outcome));
        Assert.False(File.Exists(pidPath));
    }

    [Fact]
    public void WritePidFile_Unwritable_LogsAndReturnsError()
    {
        var (_, session) = Begin(["-M", "0", "host"], "AUTOSSH_PIDFILE=/nonexistent/dir/x.pid", "AUTOSSH_LOGFILE=a.log");

        var error = session!.WritePidFile();
        session.Finish(AutosshOutcome.StartupFailure);

        Assert.NotNull(error);
        Assert.Contains("cannot open pid file \"/nonexistent/dir/x.pid\"", File.ReadAllText(Path.Combine(_dir, "a.log")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private (int? Code, AutosshSession? Session) Begin(string[] args, params string[] env) =>
        Begin(args, AutosshDialect.Improved, env);

    private (int? Code, AutosshSession? Session) Begin(string[] args, AutosshDialect dialect, params string[] env)
    {
        var variables = env.Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var inputs = new AutosshStartupInputs(args, name => variables.GetValueOrDefault(name), _stdout, _stderr, _time, 321, _dir,
            SyslogSocket: Path.Combine(_dir, "no-syslog"), Dialect: dialect);
        return AutosshStartup.Begin(inputs);
    }
}
