using System.Globalization;
using System.Text.RegularExpressions;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>
/// Acceptance B1-B3, B5, B6, B8-B10 with a sequence fake ssh: the real autossh's launch count, exit status and
/// INFO/ERR log lines against autossh's <c>ssh_run</c> loop composed from our pure functions
/// (<see cref="AutosshSshEndClassifier"/>, <see cref="AutosshGraceTime"/>, <see cref="AutosshMessages"/>).
/// </summary>
public sealed partial class AutosshRunLoopDifferentialTests : IDisposable
{
    private readonly ReferenceAutossh _reference = new();

    /// <summary>(case, fake ssh steps, GATETIME, MAXSTART).</summary>
    public static TheoryData<string, string[], int, int> Cases() => new()
    {
        { "B1", ["0"], 30, -1 },
        { "B2", ["0"], 0, -1 },
        { "B3", ["3"], 0, -1 },
        { "B4", ["255"], 30, -1 },
        { "B5", ["255", "255", "255", "255"], 0, 3 },
        { "B6", ["sleep2:2"], 1, -1 },
        { "B6b", ["sleep2:1"], 1, -1 },
        { "B7", ["sleep2:255", "sleep2:255"], 1, 2 },
        { "B8", ["255", "1", "2", "255", "3"], 0, -1 },
        { "B8b", ["255", "255", "0"], 0, -1 },
        { "B9", ["sig9", "0"], 30, -1 },
        { "B9b", ["sig15", "sig9", "0"], 30, -1 },
        { "B10", ["0"], 0, 0 },
    };

    [RequiresAutosshTheory]
    [MemberData(nameof(Cases))]
    public void RunLoop_FakeSshSequence_MatchesRealAutossh(string item, string[] steps, int gate, int maxStart)
    {
        // Arrange
        using var fake = new SequenceFakeSsh(steps);
        var env = fake.Variables(("AUTOSSH_GATETIME", gate.ToString(CultureInfo.InvariantCulture)), ("AUTOSSH_MAXSTART", maxStart.ToString(CultureInfo.InvariantCulture)));

        // Act
        var real = _reference.Run(["-M", "0", "host"], env);
        var (expectedCode, expectedLaunches, expectedLog) = Simulate(steps, gate, maxStart);

        // Assert
        Assert.True(expectedCode == real.ExitCode, $"{item}: rc {real.ExitCode}, expected {expectedCode}\n{real.Log}");
        Assert.Equal(expectedLaunches, fake.Launches);
        Assert.Equal(expectedLog, Messages(real.Log));
    }

    public void Dispose() => _reference.Dispose();

    /// <summary>autossh.c's ssh_run loop (§4.2) on our pure functions; assumes no step needs a backoff sleep.</summary>
    private static (int Code, int Launches, string[] Log) Simulate(string[] steps, int gate, int maxStart)
    {
        var env = AutosshEnvironment.Default;
        var log = new List<string> { AutosshMessages.MonitoringDisabled };
        var (tries, startCount) = (0, 0);
        TimeSpan? sinceLastStart = null;
        while (maxStart < 0 || startCount < maxStart)
        {
            startCount++;
            (tries, var delay) = AutosshGraceTime.Step(tries, sinceLastStart, env.PollSeconds);
            Assert.Equal(TimeSpan.Zero, delay);
            log.Add(AutosshMessages.StartingSsh(startCount, maxStart));
            log.Add(AutosshMessages.SshChildPid(0));

            var (end, lived) = Step(steps[startCount - 1]);
            var decision = AutosshSshEndClassifier.Classify(end, startCount, TimeSpan.FromSeconds(gate), lived);
            log.Add(decision.Message);
            if (decision.ExitCode is { } code)
            {
                return (code, startCount, [.. log]);
            }

            sinceLastStart = lived;
        }

        log.Add(AutosshMessages.MaxStartReached);
        return (0, startCount, [.. log]);
    }

    private static (AutosshSshEnd End, TimeSpan Lived) Step(string step) => step switch
    {
        ['s', 'i', 'g', .. var signal] => (AutosshSshEnd.Killed(int.Parse(signal, CultureInfo.InvariantCulture)), TimeSpan.Zero),
        ['s', 'l', 'e', 'e', 'p', .. var rest] => (
            AutosshSshEnd.Exited(int.Parse(rest.Split(':')[1], CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(rest.Split(':')[0], CultureInfo.InvariantCulture))),
        _ => (AutosshSshEnd.Exited(int.Parse(step, CultureInfo.InvariantCulture)), TimeSpan.Zero),
    };

    /// <summary>The messages of the real log, with the child pid replaced by 0.</summary>
    private static string[] Messages(string log) =>
        [.. log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line[(line.IndexOf("]: ", StringComparison.Ordinal) + 3)..])
            .Select(message => ChildPid().Replace(message, AutosshMessages.SshChildPid(0)))];

    [GeneratedRegex(@"^ssh child pid is \d+$")]
    private static partial Regex ChildPid();
}
