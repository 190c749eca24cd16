using System.Text.RegularExpressions;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The drop-in's start-up through the real binary: -V, usage, invalid settings, log format (spec §8 A6, F1, F4, F5).</summary>
public sealed class AutosshProgramTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task Version_Flag_PrintsVersionLineAndExitsZero()
    {
        var (code, stdout, stderr) = await RunAsync(new Dictionary<string, string?>(), "-V");

        Assert.Equal(0, code);
        Assert.Equal("autossh 1.4g\n", stdout);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task NoDestination_MonitorOnly_PrintsUsageAndExitsOne()
    {
        var (code, stdout, stderr) = await RunAsync(new Dictionary<string, string?>(), "-M", "0");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("usage: autossh [-V] [-M monitor_port[:echo_port]] [-f] [SSH_OPTIONS]", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AUTOSSH_POLL", "abc")]
    [InlineData("AUTOSSH_GATETIME", "-1")]
    [InlineData("AUTOSSH_MAXSTART", "-2")]
    public async Task InvalidEnvironment_Value_ExitsOneNamingTheVariableAndStartsNoSsh(string variable, string value)
    {
        var environment = _scratch.FakeEnvironment(more: (variable, value));

        var (code, _, stderr) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(1, code);
        Assert.Contains(variable, stderr, StringComparison.Ordinal);
        Assert.Empty(_scratch.Starts);
    }

    [Theory]
    [InlineData("65535")]
    [InlineData("abc")]
    [InlineData("20000:0")]
    public async Task InvalidMonitorPort_Value_ExitsOne(string port)
    {
        var (code, _, _) = await RunAsync(_scratch.FakeEnvironment(), "-M", port, "-N", "host");

        Assert.Equal(1, code);
        Assert.Empty(_scratch.Starts);
    }

    [Fact]
    public async Task RemoteCommand_AfterDestination_SshRunsItInsteadOfDashN()
    {
        var environment = _scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0"));

        var (code, _, _) = await RunAsync(environment, "-M", "0", "host", "uptime", "-p");

        Assert.Equal(0, code);
        var argv = _scratch.Lines("argv");
        Assert.Single(_scratch.Starts);
        Assert.DoesNotContain("[-N]", argv);
        Assert.Equal(["[--]", "[host]", "[uptime]", "[-p]"], argv.TakeLast(4));
    }

    [Fact]
    public async Task LogFile_EveryLine_HasAutosshFormat()
    {
        var environment = _scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0"));

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        var lines = _scratch.Lines("autossh.log");
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(new Regex(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} autossh\[\d+\]: .+$"), line));
    }

    [Fact]
    public async Task Debug_WithoutLogFile_CopiesTheLogToStderr()
    {
        var environment = _scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0"));
        environment.Remove("AUTOSSH_LOGFILE");
        environment["AUTOSSH_DEBUG"] = "1";

        var (code, _, stderr) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.Matches(new Regex(@"^autossh\[\d+\]: starting ssh \(count 1\)$", RegexOptions.Multiline), stderr);
    }

    public void Dispose() => _scratch.Dispose();

    private async Task<(int, string, string)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, args);
        return await run.WaitForExitAsync();
    }
}
