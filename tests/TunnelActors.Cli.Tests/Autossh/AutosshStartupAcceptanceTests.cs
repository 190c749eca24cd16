using System.Globalization;
using System.Text.RegularExpressions;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>Start-up of the built drop-in: a bundled <c>-f</c>, debug output without a log file, invalid settings
/// (spec §8 A5, F3, F4; the rest of A5 and A6/F1/F5 are in AutosshDetachTests and AutosshProgramTests).</summary>
public sealed partial class AutosshStartupAcceptanceTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Fact]
    public async Task BundledBackgroundFlag_FN_ParentExitsZeroAndSshGetsNWithoutF()
    {
        // A5: -fN -M 0 host → ssh gets -N host. -f sets the gate to 0, so the detached drop-in ends after ssh exits 0.
        await using (var parent = AutosshRun.Start(_scratch.Dir, _scratch.FakeEnvironment(), "-fN", "-M", "0", "host"))
        {
            var (code, stdout, _) = await parent.WaitForExitAsync();
            Assert.Equal((0, string.Empty), (code, stdout));
        }

        await _scratch.WaitForLogAsync("ssh exited with status 0; autossh exiting");
        var daemon = int.Parse(
            LogPid().Match(_scratch.Lines("autossh.log").Last(l => l.EndsWith("autossh exiting", StringComparison.Ordinal))).Groups[1].Value,
            CultureInfo.InvariantCulture);
        await AutosshScratch.WaitUntilAsync(() => !AutosshRun.IsAlive(daemon), "detached drop-in exit");

        var args = _scratch.SshArgs();
        Assert.Equal(["-N", "host"], args.TakeLast(2));
        Assert.DoesNotContain(args, a => a is "-f" or "-fN" or "-Nf");
    }

    [Fact]
    public async Task Debug_WithoutLogFile_EveryStderrLineCarriesTheDropInsPid()
    {
        // F3: "autossh[<pid>]: ..." on stderr; <pid> is the drop-in's own. The watch loop's "check on child" lines are
        // not written (DEVIATIONS row 30).
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_DEBUG", "1")]);
        environment.Remove("AUTOSSH_LOGFILE");
        await using var run = AutosshRun.Start(_scratch.Dir, environment, "-M", "0", "-N", "host");

        var (code, _, stderr) = await run.WaitForExitAsync();

        Assert.Equal(0, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("starting ssh (count 1)", lines.Select(l => l[(l.IndexOf("]: ", StringComparison.Ordinal) + 3)..]));
        Assert.All(lines, line => Assert.StartsWith($"autossh[{run.Pid.ToString(CultureInfo.InvariantCulture)}]: ", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AUTOSSH_POLL", "abc")]
    [InlineData("AUTOSSH_GATETIME", "-1")]
    [InlineData("AUTOSSH_MAXSTART", "-2")]
    [InlineData("AUTOSSH_LOGLEVEL", "8")]
    [InlineData("AUTOSSH_MESSAGE", "65 bytes")]
    [InlineData("AUTOSSH_POLL", "0")]
    public async Task InvalidEnvironment_Value_ExitsOneWithOneStderrLineAndNothingElse(string variable, string value)
    {
        // F4: autossh says nothing anywhere (syslog only); the drop-in prints the error on stderr (DEVIATIONS row 11) and,
        // like autossh, writes nothing on stdout or in AUTOSSH_LOGFILE and starts no ssh.
        var text = value == "65 bytes" ? new string('m', 65) : value;
        var (code, stdout, stderr) = await RunAsync(_scratch.FakeEnvironment(more: (variable, text)), "-M", "0", "-N", "host");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith($"autossh: {variable}: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(_scratch.LogFile));
        Assert.Empty(_scratch.Starts);
    }

    [Fact]
    public async Task ValidEnvironment_SameCommand_RunsSshAndLogs()
    {
        // The comparison for F4: the same command with valid values logs and starts ssh.
        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_POLL", "5"), ("AUTOSSH_MESSAGE", new string('m', 64))]);

        var (code, _, _) = await RunAsync(environment, "-M", "0", "-N", "host");

        Assert.Equal(0, code);
        Assert.True(File.Exists(_scratch.LogFile));
        Assert.Single(_scratch.Starts);
    }

    public void Dispose() => _scratch.Dispose();

    [GeneratedRegex(@"autossh\[(\d+)\]: ")]
    private static partial Regex LogPid();

    private async Task<(int, string, string)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, args);
        return await run.WaitForExitAsync();
    }
}
