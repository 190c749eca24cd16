using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Table tests of <see cref="AutosshCommandLine"/> from autossh.md §1 and §8 (A1-A7, F5), no binary needed.</summary>
public sealed class AutosshCommandLineTests
{
    private static readonly AutosshEnvironment Env = AutosshEnvironment.Default;

    /// <summary>§1.4's verified table, reproduced by the reference dialect (bugs included).</summary>
    public static TheoryData<string[], string[]> SpecPermutationTable() => new()
    {
        { ["-M", "20000", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "host"] },
        { ["host", "-M", "20000", "-N"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-N", "host"] },
        { ["-M", "20000:7", "-N", "host"], ["-L", "20000:127.0.0.1:7", "-N", "host"] },
        { ["-M0", "-N", "host"], ["-N", "host"] },
        { ["-N", "-M", "20000", "-L", "8080:localhost:80", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-N", "-L", "8080:localhost:80", "host"] },
        { ["-fN", "-M", "0", "host"], ["-N", "host"] },
        { ["-NM", "20000", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-NM", "20000", "host"] },
        { ["-M", "20000", "-J", "jump", "-N", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-J", "-N", "jump", "host"] },
        { ["-M", "0", "host", "ls", "-la"], ["-la", "host", "ls"] },
        { ["-M", "0", "--", "host", "ls", "-la"], ["host", "ls", "-la"] },
        { ["-M", "0", "host", "--", "tail", "-f", "x"], ["host", "tail", "x"] },
        { ["-M", "0", "host", "uptime; ls -l -f"], ["host", "uptime; ls -l -f"] },
        { ["-M", "0", "--", "-M", "host"], ["-M", "host"] },
        { ["-M", "0", "host", "echo", "", "end"], ["host", "echo", "end"] },
    };

    /// <summary>The improved dialect on the same inputs and on the §7 bug inputs.</summary>
    public static TheoryData<string[], string[]> ImprovedTable() => new()
    {
        { ["-M", "20000", "-N", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-N", "host"] }, // A1
        { ["-M", "20000:7", "-N", "host"], ["-L", "20000:127.0.0.1:7", "-N", "host"] },                                   // A2
        { ["-M", "0", "-N", "host"], ["-N", "host"] },                                                                     // A3
        { ["-fN", "-M", "0", "host"], ["-N", "host"] },                                                                    // A5
        { ["-M", "0", "--", "-M", "host"], ["-M", "host"] },                                                               // A7
        { ["host", "-M", "20000", "-N"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-N", "host"] },
        { ["-NM", "20000", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-N", "host"] },     // §7.5
        { ["-NM0", "host"], ["-N", "host"] },
        { ["-M", "20000", "-J", "jump", "-N", "host"], ["-L", "20000:127.0.0.1:20000", "-R", "20000:127.0.0.1:20001", "-J", "jump", "-N", "host"] }, // §7.2
        { ["-M", "0", "host", "ls", "-la"], ["host", "ls", "-la"] },                                                      // §7.3
        { ["-M", "0", "host", "--", "tail", "-f", "x"], ["host", "tail", "-f", "x"] },                                    // §7.4
        { ["-M", "0", "--", "host", "-ff", "-L8080:f:80"], ["host", "-ff", "-L8080:f:80"] },
        { ["-M", "0", "host", "-N", "ls", "-f"], ["-N", "host", "ls", "-f"] },
        { ["-M", "0", "-fNL8080:f:80", "host"], ["-NL8080:f:80", "host"] },
        { ["-M", "0", "-ff", "host"], ["host"] },
        { ["-M", "0", "-o", "-f", "host"], ["-o", "-f", "host"] },
        { ["-M", "0", "host", "echo", "", "end"], ["host", "echo", "", "end"] },                                          // §7.7
        { ["-M", "0", "-l", "", "host"], ["-l", "", "host"] },
        { ["-M", "0", "-o", "--x", "host"], ["-o", "--x", "host"] },
        { ["-M", "0", "-B", "eth0", "host"], ["-B", "eth0", "host"] },                                                    // §7.1, A6
        { ["-M", "0", "-Beth0", "-fv", "host"], ["-Beth0", "-v", "host"] },
        { ["-M", "0x4e20:7", "host"], ["-L", "20000:127.0.0.1:7", "host"] },                                              // F5
    };

    [Theory]
    [MemberData(nameof(SpecPermutationTable))]
    public void Parse_ReferenceDialect_ReproducesSpecTable(string[] args, string[] expectedSshArgs)
    {
        // Act
        var invocation = AutosshCommandLine.Parse(args, Env, AutosshDialect.Reference);

        // Assert
        Assert.Equal(AutosshAction.Run, invocation.Action);
        Assert.Equal(["/usr/bin/ssh", .. expectedSshArgs], invocation.SshArgv().ToArray());
    }

    [Theory]
    [MemberData(nameof(ImprovedTable))]
    public void Parse_ImprovedDialect_GivesSshWhatTheUserMeant(string[] args, string[] expectedSshArgs)
    {
        // Act
        var invocation = AutosshCommandLine.Parse(args, Env);

        // Assert
        Assert.Equal(AutosshAction.Run, invocation.Action);
        Assert.Equal(["/usr/bin/ssh", .. expectedSshArgs], invocation.SshArgv().ToArray());
    }

    [Fact]
    public void Parse_PosixlyCorrect_StopsAtFirstNonOption()
    {
        // Arrange
        var env = AutosshEnvironment.Default with { PosixlyCorrect = true };

        // Act
        var reference = AutosshCommandLine.Parse(["-M", "0", "host", "ls", "-la"], env, AutosshDialect.Reference);
        var improved = AutosshCommandLine.Parse(["-M", "0", "host", "-f"], env);

        // Assert
        Assert.Equal(["host", "ls", "-la"], reference.SshArgs.ToArray());
        Assert.Equal(["host", "-f"], improved.SshArgs.ToArray());
        Assert.False(improved.Background);
    }

    [Theory]
    [InlineData(new[] { "-fN", "-M", "0", "host" }, true)]        // A5
    [InlineData(new[] { "-M", "0", "-ff", "host" }, true)]
    [InlineData(new[] { "-M", "0", "host", "-f" }, true)]          // an option after the destination
    [InlineData(new[] { "-M", "0", "host", "ls", "-f" }, false)]   // -f inside the remote command
    [InlineData(new[] { "-M", "0", "--", "host", "-f" }, false)]   // after --
    [InlineData(new[] { "-M", "0", "-o", "-f", "host" }, false)]   // argument of -o
    public void Parse_DashF_SetsBackgroundOnlyWhereItIsAnOption(string[] args, bool expected) =>
        Assert.Equal(expected, AutosshCommandLine.Parse(args, Env).Background);

    [Theory]
    [InlineData(AutosshDialect.Reference)]
    [InlineData(AutosshDialect.Improved)]
    public void Parse_DashV_PrintsVersion(AutosshDialect dialect)
    {
        var invocation = AutosshCommandLine.Parse(["-V", "-Z"], Env, dialect);

        Assert.Equal(AutosshAction.PrintVersion, invocation.Action);
        Assert.Equal(0, invocation.ImmediateExitCode);
    }

    [Theory]
    [InlineData(new[] { "-M", "0" }, "")]                                 // A6: no destination
    [InlineData(new[] { "-M", "0", "--" }, "")]
    [InlineData(new[] { "-Z", "-V" }, "invalid option -- 'Z'")]
    [InlineData(new[] { "-M", "0", "host", "-L" }, "option requires an argument -- 'L'")]
    [InlineData(new[] { "-M", "0", "--foo", "host" }, "invalid option -- '-'")]
    [InlineData(new[] { "-M", "0", "--", "-N" }, "no ssh destination given")]
    public void Parse_UsageError_ExitsOneWithUsage(string[] args, string message)
    {
        var invocation = AutosshCommandLine.Parse(args, Env);

        Assert.Equal(AutosshAction.Fail, invocation.Action);
        Assert.Equal(1, invocation.ImmediateExitCode);
        Assert.Equal(AutosshError.Usage(message), invocation.Error);
    }

    [Theory]
    [InlineData("abc", AutosshDialect.Improved, "invalid port \"abc\"")]                 // F5
    [InlineData("65535", AutosshDialect.Improved, "monitor port (65535) out of range")]  // F5
    [InlineData("20000:0", AutosshDialect.Improved, "invalid echo port  \"0\"")]          // F5
    [InlineData("0:x", AutosshDialect.Improved, "invalid echo port  \"x\"")]
    [InlineData("20000:70000", AutosshDialect.Improved, "invalid echo port  \"70000\"")]
    [InlineData("4294967297", AutosshDialect.Improved, "monitor port (4294967297) out of range")]
    [InlineData("-5", AutosshDialect.Reference, "monitor port (-5) out of range")]
    public void Parse_BadMonitorPort_FailsWithAutosshMessage(string value, AutosshDialect dialect, string message)
    {
        var invocation = AutosshCommandLine.Parse(["-M", value, "host"], Env, dialect);

        Assert.Equal(AutosshError.Fatal(message), invocation.Error);
        Assert.Equal(1, invocation.ImmediateExitCode);
    }

    [Theory]
    [InlineData(null, new[] { "-M", "20000", "host" }, 20000, AutosshPortSource.CommandLine)]
    [InlineData("30000", new[] { "-M", "20000", "host" }, 20000, AutosshPortSource.CommandLine)] // A4: -M wins
    [InlineData("30000", new[] { "host" }, 30000, AutosshPortSource.Environment)]               // A4
    [InlineData("abc", new[] { "-M", "0", "host" }, 0, AutosshPortSource.CommandLine)]
    public void Parse_MonitorPortPrecedence_FollowsDebian(string? envPort, string[] args, int port, AutosshPortSource source)
    {
        var invocation = AutosshCommandLine.Parse(args, Env with { Port = envPort });

        Assert.Equal(port, invocation.Monitor?.Port);
        Assert.Equal(source, invocation.PortSource);
    }

    [Fact]
    public void Parse_NoPortAnywhere_ImprovedChoosesAutomaticLoopAndReferenceShowsUsage()
    {
        var improved = AutosshCommandLine.Parse(["-N", "host"], Env);
        var reference = AutosshCommandLine.Parse(["-N", "host"], Env, AutosshDialect.Reference);

        Assert.Equal(AutosshPortSource.Automatic, improved.PortSource);
        Assert.Null(improved.Monitor);
        Assert.Equal(["/usr/bin/ssh", "-N", "host"], improved.SshArgv().ToArray());
        Assert.Equal(AutosshError.Usage(string.Empty), reference.Error);
    }

    [Fact]
    public void Parse_InvalidEnvironment_FailsBeforeDashVAndNamesEveryVariable()
    {
        // Arrange
        var env = AutosshEnvironment.Read(new Dictionary<string, string> { ["AUTOSSH_POLL"] = "abc", ["AUTOSSH_MAXSTART"] = "-2" });

        // Act
        var improved = AutosshCommandLine.Parse(["-V"], env);
        var reference = AutosshCommandLine.Parse(["-V"], env, AutosshDialect.Reference);

        // Assert
        Assert.Equal(1, improved.ImmediateExitCode);
        Assert.Equal("AUTOSSH_POLL: invalid poll time \"abc\"; AUTOSSH_MAXSTART: invalid max start number \"-2\"", improved.Error!.Message);
        Assert.Equal("invalid poll time \"abc\"", reference.Error!.Message);
    }

    [Fact]
    public void Parse_AutosshPath_IsArgvZero()
    {
        var invocation = AutosshCommandLine.Parse(["-M", "0", "host"], Env with { SshPath = "/opt/ssh" });

        Assert.Equal(["/opt/ssh", "host"], invocation.SshArgv().ToArray());
    }
}
