using System.Net;
using System.Net.Sockets;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>
/// Runs the real autossh 1.4g and our parser on the same command line and compares exit status, stdout,
/// usage text, the fatal message in the log file and the exact ssh argv (autossh.md §1, §8 A1-A7, F5).
/// </summary>
public sealed class AutosshCommandLineDifferentialTests : IDisposable
{
    private readonly ReferenceAutossh _reference = new();

    /// <summary>Rows where the improved dialect must behave exactly like autossh. {P} is a free loop port, {PX} it in hex.</summary>
    public static TheoryData<string, string[]> SameInBothDialects() => new()
    {
        { "", ["-M", "{P}", "host"] },                                 // §1.4 row 1
        { "", ["-M", "{P}", "-N", "host"] },                           // A1
        { "", ["host", "-M", "{P}", "-N"] },                           // §1.4 row 2
        { "", ["-M", "20000:7", "-N", "host"] },                       // A2
        { "", ["-M", "0", "-N", "host"] },                             // A3
        { "", ["-M0", "-N", "host"] },
        { "", ["-N", "-M", "{P}", "-L", "8080:localhost:80", "host"] },
        { "", ["-M", "0", "--", "host", "ls", "-la"] },
        { "", ["-M", "0", "host", "uptime; ls -l -f"] },
        { "", ["-M", "0", "--", "-M", "host"] },                       // A7
        { "POSIXLY_CORRECT=1", ["-M", "0", "host", "ls", "-la"] },
        { "", ["-M", "0", "host", "--", "-v"] },
        { "", ["-M", "{PX}", "-N", "host"] },                          // F5: hex
        { "", ["-M", "010:7", "host"] },                               // octal
        { "", ["-M", " 20000:7", "host"] },
        { "", ["-M", "+20000:7", "host"] },
        { "", ["-M", "20000:7", "-M", "0", "host"] },                  // last -M wins
        { "", ["-M", "0", "-y", "-1246", "-A", "-C", "-P", "-W", "h:1", "host"] },
        { "AUTOSSH_PORT=30000:7", ["-N", "host"] },                    // A4
        { "AUTOSSH_PORT=30000:7", ["-M", "20000:7", "-N", "host"] },   // A4: -M wins (Debian)
        { "AUTOSSH_PORT=abc", ["-M", "0", "host"] },
        { "AUTOSSH_PORT=abc", ["host"] },
        { "", ["-M", "abc", "host"] },                                 // F5
        { "", ["-M", "65535", "host"] },                               // F5
        { "", ["-M", "20000:0", "host"] },                             // F5
        { "", ["-M", "0:0", "host"] },
        { "", ["-M", "-5", "host"] },
        { "", ["-M", "0x", "host"] },
        { "", ["-M", "", "host"] },
        { "", ["-M", ":", "host"] },
        { "", ["-V"] },                                                // A6
        { "", ["-M", "abc", "-V"] },
        { "", ["-Z", "-V"] },
        { "", ["-V", "-Z"] },
        { "", ["-M", "0"] },                                           // A6: usage
        { "", ["-M", "0", "-N"] },
        { "", ["-M", "0", "--"] },
        { "", ["-M", "0", "host", "-L"] },
        { "", ["-M", "0", "--foo", "host"] },
        { "", ["-M", "0", "-h", "host"] },
        { "AUTOSSH_POLL=abc", ["-V"] },                                // environment is read before getopt
    };

    /// <summary>Rows where autossh has a bug the improved dialect fixes (autossh.md §7); only the reference dialect is compared.</summary>
    public static TheoryData<string, string[]> ReferenceOnly() => new()
    {
        { "", ["-NM", "{P}", "host"] },                                // §7 item 5
        { "", ["-NM0", "host"] },
        { "", ["-M", "{P}", "-J", "jump", "-N", "host"] },             // item 2
        { "", ["-M", "0", "host", "ls", "-la"] },                      // item 3
        { "", ["-M", "0", "host", "--", "tail", "-f", "x"] },          // item 4
        { "", ["-M", "0", "--", "host", "-ff", "-fNf", "-af", "-L8080:f:80", "-f", "-fff"] },
        { "", ["-M", "0", "host", "echo", "", "end"] },                // A7, item 7
        { "", ["-M", "0", "-l", "", "host"] },
        { "", ["-M", "0", "-o", "--x", "host"] },
        { "", ["-M", "{P}", "-o", "--x", "host"] },
        { "", ["-M", "20000:-1", "host"] },
        { "", ["-M", "20000:70000", "host"] },
        { "", ["-M", "4294967297:7", "host"] },
        { "", ["-M", "0", "-B", "eth0", "host"] },                     // A6, item 1
        { "", ["host"] },                                              // item 8
        { "", ["-M", "0", "--", "-N"] },                               // no destination: ssh fails instead
    };

    [RequiresAutosshTheory]
    [MemberData(nameof(SameInBothDialects))]
    public void Parse_ReferenceDialect_MatchesRealAutossh(string env, string[] args) =>
        AssertSameAsReal(env, args, AutosshDialect.Reference);

    [RequiresAutosshTheory]
    [MemberData(nameof(ReferenceOnly))]
    public void Parse_ReferenceDialectOnBuggyInput_MatchesRealAutossh(string env, string[] args) =>
        AssertSameAsReal(env, args, AutosshDialect.Reference);

    [RequiresAutosshTheory]
    [MemberData(nameof(SameInBothDialects))]
    public void Parse_ImprovedDialectWhereAutosshIsRight_MatchesRealAutossh(string env, string[] args) =>
        AssertSameAsReal(env, args, AutosshDialect.Improved);

    public void Dispose() => _reference.Dispose();

    private void AssertSameAsReal(string env, string[] template, AutosshDialect dialect)
    {
        // Arrange
        var port = FreeLoopPort();
        var args = template.Select(a => a.Replace("{PX}", "0x" + port.ToString("x"), StringComparison.Ordinal)
            .Replace("{P}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();
        var extra = env.Length == 0
            ? new Dictionary<string, string>()
            : env.Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var variables = _reference.Variables(extra);

        // Act
        var real = _reference.Run(args, extra);
        var ours = AutosshCommandLine.Parse(args, AutosshEnvironment.Read(variables), dialect);

        // Assert
        Assert.Equal(real.ExitCode, ours.ImmediateExitCode ?? 0);
        switch (ours.Action)
        {
            case AutosshAction.PrintVersion:
                Assert.Equal(AutosshUsage.VersionLine + "\n", real.Stdout);
                break;
            case AutosshAction.Fail when ours.Error!.ShowUsage:
                Assert.Equal(real.Stderr, AutosshUsage.ErrorText(ours.Error, ReferenceAutossh.BinaryPath));
                break;
            case AutosshAction.Fail when !extra.Keys.Any(k => k.StartsWith("AUTOSSH_", StringComparison.Ordinal) && k != "AUTOSSH_PORT"):
                Assert.EndsWith($"autossh[{PidIn(real.Log)}]: {ours.Error!.Message}\n", real.Log, StringComparison.Ordinal);
                break;
            case AutosshAction.Run:
                Assert.NotNull(real.SshArgs);
                Assert.Equal(real.SshArgs, ours.SshArgv().Skip(1));
                break;
        }
    }

    private static string PidIn(string log)
    {
        var start = log.LastIndexOf("autossh[", StringComparison.Ordinal) + "autossh[".Length;
        return log[start..log.IndexOf(']', start)];
    }

    /// <summary>A port p with p and p+1 free on 127.0.0.1 (the reference listens on p+1 in loop mode).</summary>
    private static int FreeLoopPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            if (port >= AutosshMonitorPort.MaxPort)
            {
                continue;
            }

            try
            {
                using var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException)
            {
                // port+1 busy: try another pair.
            }
        }

        throw new InvalidOperationException("no free loopback port pair");
    }
}
