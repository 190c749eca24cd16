using System.Globalization;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>What ssh receives from the built drop-in, with a fake ssh logging its argv and <c>AUTOSSH_GATETIME=0</c>
/// (spec §8 A2, A3, A4, A6, A7, F5).</summary>
/// <remarks>The tunnel layer starts ssh's argv with <c>-N</c> and its default <c>-o</c> options and puts the monitor
/// forwards after the user's arguments, right before the destination (DEVIATIONS row 25; autossh puts them first).
/// These tests therefore compare the forwards and the end of the argv, not the whole argv.</remarks>
public sealed class AutosshArgumentAcceptanceTests : IDisposable
{
    private readonly AutosshScratch _scratch = new();

    [Theory]
    [InlineData("{p}:7", new[] { "-L", "{p}:127.0.0.1:7" })]                              // A2: echo, no -R
    [InlineData("{p}", new[] { "-L", "{p}:127.0.0.1:{p}", "-R", "{p}:127.0.0.1:{p+1}" })] // A1: loop
    [InlineData("0", new string[0])]                                                      // A3: off
    public async Task MonitorPort_Mode_AddsExactlyItsForwardsJustBeforeTheDestination(string monitor, string[] forwards)
    {
        var port = AutosshSupervisorTests.FreePair();

        var code = await RunAsync(_scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0")), "-M", Fill(monitor, port), "-N", "host");

        Assert.Equal(0, code);
        var args = _scratch.SshArgs();
        string[] expected = [.. forwards.Select(f => Fill(f, port))];
        Assert.Equal(expected, Forwards(args));
        Assert.Equal(["-N", .. expected, "host"], args.TakeLast(expected.Length + 2));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AutosshPort_WithAndWithoutM_MWinsOtherwiseTheVariable(bool withM)
    {
        // A4: Debian's precedence (patch 010), kept on purpose.
        var commandLine = AutosshSupervisorTests.FreePair();
        var variable = AutosshSupervisorTests.FreePair();
        while (Math.Abs(variable - commandLine) < 2)
        {
            variable = AutosshSupervisorTests.FreePair();
        }

        var environment = _scratch.FakeEnvironment(more: [("AUTOSSH_GATETIME", "0"), ("AUTOSSH_PORT", Invariant(variable))]);
        string[] args = withM ? ["-M", Invariant(commandLine), "-N", "host"] : ["-N", "host"];

        var code = await RunAsync(environment, args);

        Assert.Equal(0, code);
        var used = withM ? commandLine : variable;
        Assert.Equal(["-L", $"{used}:127.0.0.1:{used}", "-R", $"{used}:127.0.0.1:{used + 1}"], Forwards(_scratch.SshArgs()));
    }

    [Theory]
    [InlineData("0x{0:x}")] // F5: -M 0x4e20 is 20000 (strtoul base 0)
    [InlineData("0{1}")]    // octal
    [InlineData("{2}")]     // decimal, the comparison
    public async Task MonitorPort_BaseZeroNumber_IsReadAsCWouldRead(string format)
    {
        var port = AutosshSupervisorTests.FreePair();
        var text = string.Format(CultureInfo.InvariantCulture, format, port, Convert.ToString(port, 8), port);

        var code = await RunAsync(_scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0")), "-M", text, "-N", "host");

        Assert.Equal(0, code);
        Assert.Equal(["-L", $"{port}:127.0.0.1:{port}", "-R", $"{port}:127.0.0.1:{port + 1}"], Forwards(_scratch.SshArgs()));
    }

    [Fact]
    public async Task DoubleDash_ThenM_FirstDoubleDashDroppedAndSshGetsItsMasterFlag()
    {
        // A7: "the first -- is dropped" is kept on purpose (DEVIATIONS); after it, -M is ssh's (master mode). Note that the
        // tunnel layer's default ControlPath=none (row 25) leaves ssh's master mode without a control socket.
        var code = await RunAsync(_scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0")), "-M", "0", "--", "-M", "host");

        Assert.Equal(0, code);
        var args = _scratch.SshArgs();
        Assert.Equal(["-M", "host"], args.TakeLast(2));
        Assert.DoesNotContain("--", args);
        Assert.Empty(Forwards(args));
    }

    [Fact]
    public async Task BindInterface_B_IsPassedToSsh()
    {
        // A6: autossh rejects ssh's -B (invalid option, rc 1); the drop-in passes it on (DEVIATIONS row 1).
        var code = await RunAsync(_scratch.FakeEnvironment(more: ("AUTOSSH_GATETIME", "0")), "-M", "0", "-B", "eth0", "host");

        Assert.Equal(0, code);
        Assert.Equal(["-B", "eth0", "host"], _scratch.SshArgs().TakeLast(3));
    }

    [Fact]
    public async Task UnknownLetter_NeitherAutosshNorSsh_UsageExitOneNoSsh()
    {
        // A6: a letter ssh does not know either still gives usage and rc 1 (DEVIATIONS row 1).
        await using var run = AutosshRun.Start(_scratch.Dir, _scratch.FakeEnvironment(), "-M", "0", "-Z", "host");
        var (code, stdout, stderr) = await run.WaitForExitAsync();

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("invalid option -- 'Z'", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: autossh [-V] [-M monitor_port[:echo_port]] [-f] [SSH_OPTIONS]", stderr, StringComparison.Ordinal);
        Assert.Empty(_scratch.Starts);
    }

    public void Dispose() => _scratch.Dispose();

    /// <summary>The <c>-L</c>/<c>-R</c> options in <paramref name="args"/>, each with its value, in order.</summary>
    internal static IReadOnlyList<string> Forwards(IReadOnlyList<string> args) =>
        [.. args.SelectMany((arg, i) => arg is "-L" or "-R" && i + 1 < args.Count ? [arg, args[i + 1]] : Array.Empty<string>())];

    private static string Fill(string template, int port) =>
        template.Replace("{p+1}", Invariant(port + 1), StringComparison.Ordinal).Replace("{p}", Invariant(port), StringComparison.Ordinal);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<int> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var run = AutosshRun.Start(_scratch.Dir, environment, args);
        return (await run.WaitForExitAsync()).ExitCode;
    }
}
