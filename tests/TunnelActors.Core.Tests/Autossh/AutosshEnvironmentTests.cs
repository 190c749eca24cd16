using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Table tests of <see cref="AutosshEnvironment"/> (autossh.md §2, §8 F4).</summary>
public sealed class AutosshEnvironmentTests
{
    private static AutosshEnvironment Read(params string[] pairs) =>
        AutosshEnvironment.Read(pairs.Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]));

    [Fact]
    public void Read_NothingSet_GivesAutosshDefaults()
    {
        var env = Read();

        Assert.Equal(AutosshEnvironment.Default, env);
        Assert.Equal("/usr/bin/ssh", env.SshPath);
        Assert.Equal(600, env.PollSeconds);
        Assert.Equal(600, env.FirstPollSeconds);
        Assert.Equal(30, env.GateTimeSeconds);
        Assert.Equal(-1, env.MaxStart);
        Assert.Equal(6, env.LogLevel);
        Assert.Equal(15000, env.NetTimeoutMilliseconds);
        Assert.False(env.NetTimeoutAdjusted);
    }

    [Theory]
    [InlineData("AUTOSSH_POLL=abc", "AUTOSSH_POLL", "invalid poll time \"abc\"")]                 // F4
    [InlineData("AUTOSSH_POLL=0", "AUTOSSH_POLL", "invalid poll time \"0\"")]                     // F4
    [InlineData("AUTOSSH_POLL=", "AUTOSSH_POLL", "invalid poll time \"\"")]
    [InlineData("AUTOSSH_POLL=4294967296", "AUTOSSH_POLL", "invalid poll time \"4294967296\"")]  // int truncation gives 0
    [InlineData("AUTOSSH_FIRST_POLL=0", "AUTOSSH_FIRST_POLL", "invalid first poll time \"0\"")]
    [InlineData("AUTOSSH_GATETIME=-1", "AUTOSSH_GATETIME", "invalid gate time \"-1\"")]          // F4
    [InlineData("AUTOSSH_GATETIME=1.5", "AUTOSSH_GATETIME", "invalid gate time \"1.5\"")]
    [InlineData("AUTOSSH_MAXSTART=-2", "AUTOSSH_MAXSTART", "invalid max start number \"-2\"")]  // F4
    [InlineData("AUTOSSH_MAXSTART=", "AUTOSSH_MAXSTART", "invalid max start number \"\"")]
    [InlineData("AUTOSSH_LOGLEVEL=8", "AUTOSSH_LOGLEVEL", "invalid log level \"8\"")]           // F4
    [InlineData("AUTOSSH_LOGLEVEL=-1", "AUTOSSH_LOGLEVEL", "invalid log level \"-1\"")]
    [InlineData("AUTOSSH_MAXLIFETIME=5.5", "AUTOSSH_MAXLIFETIME", "invalid max lifetime \"5.5\"")]
    [InlineData("AUTOSSH_MAXLIFETIME=", "AUTOSSH_MAXLIFETIME", "invalid max lifetime \"\"")]
    [InlineData("AUTOSSH_LOGFILE=", "AUTOSSH_LOGFILE", "\"\": No such file or directory")]
    [InlineData("AUTOSSH_MESSAGE=12345678901234567890123456789012345678901234567890123456789012345", "AUTOSSH_MESSAGE", "echo message may only be 64 bytes long")] // F4
    public void Read_InvalidValue_IsAnErrorNamingTheVariable(string pair, string variable, string message)
    {
        var env = Read(pair);

        Assert.True(env.HasErrors);
        Assert.Equal([AutosshDiagnostic.Error(variable, message)], env.Diagnostics.ToArray());
    }

    [Theory]
    [InlineData("AUTOSSH_POLL=-5", 600)]                 // negative silently becomes 600 in autossh (§7 item 25)
    [InlineData("AUTOSSH_POLL=99999999999999999999", 600)]
    [InlineData("AUTOSSH_POLL=4294967301", 5)]           // wraps to 5 through the C int
    public void Read_PollAutosshSubstitutes_KeepsValueAndWarns(string pair, int poll)
    {
        var env = Read(pair);

        Assert.False(env.HasErrors);
        Assert.Equal(poll, env.PollSeconds);
        Assert.Equal(AutosshDiagnosticSeverity.Warning, Assert.Single(env.Diagnostics).Severity);
        Assert.Equal("AUTOSSH_POLL", env.Diagnostics[0].Variable);
    }

    [Theory]
    [InlineData("AUTOSSH_POLL=0x10", 16, 16)]
    [InlineData("AUTOSSH_POLL= 7", 7, 7)]
    [InlineData("AUTOSSH_POLL=07", 7, 7)]
    [InlineData("AUTOSSH_FIRST_POLL=4", 600, 4)]
    public void Read_ValidPoll_SetsPollAndFirstPoll(string pair, int poll, int firstPoll)
    {
        var env = Read(pair);

        Assert.Empty(env.Diagnostics);
        Assert.Equal(poll, env.PollSeconds);
        Assert.Equal(firstPoll, env.FirstPollSeconds);
    }

    [Fact]
    public void Read_FirstPollNegative_FallsBackTo600NotToPoll()
    {
        // Verified on 1.4g: AUTOSSH_POLL=6 AUTOSSH_FIRST_POLL=-5 logs "set alarm for 600 secs".
        var env = Read("AUTOSSH_POLL=6", "AUTOSSH_FIRST_POLL=-5");

        Assert.Equal(6, env.PollSeconds);
        Assert.Equal(600, env.FirstPollSeconds);
    }

    [Theory]
    [InlineData(6, 3000, true)]      // E1: "short poll time: adjusting net timeouts to 3000"
    [InlineData(10, 5000, true)]
    [InlineData(30, 15000, false)]
    [InlineData(600, 15000, false)]
    public void NetTimeout_Poll_HalvesBelowThirtySeconds(int poll, int timeout, bool adjusted)
    {
        var env = AutosshEnvironment.Default with { PollSeconds = poll };

        Assert.Equal(timeout, env.NetTimeoutMilliseconds);
        Assert.Equal(adjusted, env.NetTimeoutAdjusted);
    }

    [Fact]
    public void Read_MaxLifetimeBelowPoll_CapsPollAndFirstPollAndWarns()
    {
        var env = Read("AUTOSSH_MAXLIFETIME=3");

        Assert.Equal(3, env.MaxLifetimeSeconds);
        Assert.Equal(3, env.PollSeconds);
        Assert.Equal(3, env.FirstPollSeconds);
        Assert.Equal(1500, env.NetTimeoutMilliseconds);   // verified: "adjusting net timeouts to 1500"
        Assert.Equal(2, env.Diagnostics.Length);
        Assert.All(env.Diagnostics, d => Assert.Equal(AutosshDiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("AUTOSSH_MAXLIFETIME=0", 0.0)]
    [InlineData("AUTOSSH_MAXLIFETIME=0x10", 16.0)]
    [InlineData("AUTOSSH_MAXLIFETIME=-1", 18446744073709551615.0)]
    public void Read_MaxLifetime_ParsesAsUnsigned(string pair, double seconds) =>
        Assert.Equal(seconds, Read(pair).MaxLifetimeSeconds);

    [Fact]
    public void Read_DebugSet_OverridesAndIgnoresLogLevel()
    {
        var env = Read("AUTOSSH_DEBUG=", "AUTOSSH_LOGLEVEL=99");

        Assert.True(env.Debug);
        Assert.Equal(7, env.LogLevel);
        Assert.False(env.HasErrors);
        Assert.Equal("AUTOSSH_LOGLEVEL", Assert.Single(env.Diagnostics).Variable);
    }

    [Fact]
    public void Read_RawStrings_KeepValuesAndTreatEmptyAsUnset()
    {
        var env = Read("AUTOSSH_PATH=/opt/ssh", "AUTOSSH_MESSAGE=hello-msg", "AUTOSSH_PORT=", "AUTOSSH_PIDFILE=", "AUTOSSH_LOGFILE=/tmp/a.log", "AUTOSSH_MAXSTART=0", "AUTOSSH_GATETIME=0x0", "POSIXLY_CORRECT=");

        Assert.Equal("/opt/ssh", env.SshPath);
        Assert.Equal("hello-msg", env.Message);
        Assert.Null(env.Port);
        Assert.Null(env.PidFile);
        Assert.Equal("/tmp/a.log", env.LogFile);
        Assert.Equal(0, env.MaxStart);
        Assert.Equal(0, env.GateTimeSeconds);
        Assert.True(env.PosixlyCorrect);
        Assert.Empty(env.Diagnostics);
    }

    [Theory]
    [InlineData("AUTOSSH_PATH=", "AUTOSSH_PATH")]
    [InlineData("AUTOSSH_NTSERVICE=yes", "AUTOSSH_NTSERVICE")]
    public void Read_IgnoredValue_Warns(string pair, string variable)
    {
        var env = Read(pair);

        Assert.False(env.HasErrors);
        Assert.Equal("/usr/bin/ssh", env.SshPath);
        Assert.Equal(variable, Assert.Single(env.Diagnostics).Variable);
    }

    [Fact]
    public void Read_SeveralInvalidValues_ReportsAllInAutosshOrder()
    {
        var env = Read("AUTOSSH_MAXSTART=x", "AUTOSSH_POLL=x", "AUTOSSH_LOGLEVEL=x");

        Assert.Equal(["AUTOSSH_LOGLEVEL", "AUTOSSH_POLL", "AUTOSSH_MAXSTART"], env.Diagnostics.Select(d => d.Variable).ToArray());
    }
}
