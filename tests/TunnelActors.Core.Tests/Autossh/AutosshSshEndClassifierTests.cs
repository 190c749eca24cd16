using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The decision table of autossh.md §4.1, row by row, and the B-items it decides.</summary>
public sealed class AutosshSshEndClassifierTests
{
    private static readonly TimeSpan Gate = TimeSpan.FromSeconds(30);

    public enum Column
    {
        FirstWithinGate,
        FirstAfterGate,
        FirstNoGate,
        Later,
    }

    /// <summary>(ssh end, column, verdict) for every cell of the table.</summary>
    public static TheoryData<int?, int?, Column, AutosshVerdict> Table()
    {
        var data = new TheoryData<int?, int?, Column, AutosshVerdict>();
        void Row(int? status, int? signal, AutosshVerdict within, AutosshVerdict after, AutosshVerdict noGate, AutosshVerdict later)
        {
            data.Add(status, signal, Column.FirstWithinGate, within);
            data.Add(status, signal, Column.FirstAfterGate, after);
            data.Add(status, signal, Column.FirstNoGate, noGate);
            data.Add(status, signal, Column.Later, later);
        }

        const AutosshVerdict R = AutosshVerdict.Restart, E0 = AutosshVerdict.ExitOk, E1 = AutosshVerdict.ExitError;
        Row(0, null, E1, E0, E0, E0);
        Row(1, null, E1, E1, R, R);
        Row(2, null, E1, E1, R, R);
        Row(255, null, E1, R, R, R);
        Row(3, null, E1, E1, E1, E1);
        Row(254, null, E1, E1, E1, E1);
        Row(null, 9, R, R, R, R);
        Row(null, 15, R, R, R, R);
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Classify_TableCell_GivesAutosshVerdict(int? status, int? signal, Column column, AutosshVerdict expected)
    {
        // Arrange
        var end = new AutosshSshEnd(status, signal);
        var (count, gate, lived) = column switch
        {
            Column.FirstWithinGate => (1, Gate, TimeSpan.FromSeconds(1)),
            Column.FirstAfterGate => (1, Gate, TimeSpan.FromSeconds(31)),
            Column.FirstNoGate => (1, TimeSpan.Zero, TimeSpan.FromSeconds(1)),
            _ => (2, Gate, TimeSpan.FromSeconds(1)),
        };

        // Act
        var decision = AutosshSshEndClassifier.Classify(end, count, gate, lived);

        // Assert
        Assert.Equal(expected, decision.Verdict);
    }

    [Theory]
    [InlineData(0, 1, 30, 0.1, "ssh exited prematurely with status 0; autossh exiting", 1)]    // B1
    [InlineData(0, 1, 0, 0.1, "ssh exited with status 0; autossh exiting", 0)]                 // B2
    [InlineData(3, 1, 0, 0.1, "ssh exited with status 3; autossh exiting", 1)]                 // B3
    [InlineData(255, 1, 30, 0.5, "ssh exited prematurely with status 255; autossh exiting", 1)] // B4
    [InlineData(2, 1, 2, 4, "ssh exited with status 2; autossh exiting", 1)]                   // B6
    [InlineData(1, 1, 2, 4, "ssh exited with status 1; autossh exiting", 1)]                   // B6
    [InlineData(255, 1, 2, 4, "ssh exited with error status 255; restarting ssh", null)]       // B7
    [InlineData(1, 2, 2, 3, "ssh exited with error status 1; restarting ssh", null)]           // B8
    [InlineData(0, 2, 30, 0, "ssh exited with status 0; autossh exiting", 0)]                  // C5
    public void Classify_AcceptanceCase_LogsAutosshMessageAndExitCode(int status, int count, int gate, double lived, string message, int? exitCode)
    {
        var decision = AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(status), count, TimeSpan.FromSeconds(gate), TimeSpan.FromSeconds(lived));

        Assert.Equal(message, decision.Message);
        Assert.Equal(exitCode, decision.ExitCode);
    }

    [Fact]
    public void Classify_KilledBySignalWithinGate_RestartsWithSignalMessage()
    {
        // B9: the signal check comes before the gate.
        var decision = AutosshSshEndClassifier.Classify(AutosshSshEnd.Killed(9), 1, Gate, TimeSpan.Zero);

        Assert.Equal(new AutosshDecision(AutosshVerdict.Restart, AutosshLogLevel.Info, "ssh exited on signal 9, restarting ssh"), decision);
    }

    [Theory]
    [InlineData(30, 30.0, AutosshVerdict.ExitError)]   // exactly at the gate is still within (<=)
    [InlineData(30, 30.001, AutosshVerdict.ExitOk)]
    public void Classify_AtGateBoundary_UsesLessOrEqual(int gate, double lived, AutosshVerdict verdict) =>
        Assert.Equal(verdict, AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(0), 1, TimeSpan.FromSeconds(gate), TimeSpan.FromSeconds(lived)).Verdict);

    [Fact]
    public void Classify_B8Sequence_FiveLaunchesThenExitOne()
    {
        // B8: ssh lives 3 s, G=2, statuses 255, 1, 2, 255, 3.
        var verdicts = new[] { 255, 1, 2, 255, 3 }.Select((status, i) =>
            AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(status), i + 1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)).Verdict).ToArray();

        Assert.Equal([AutosshVerdict.Restart, AutosshVerdict.Restart, AutosshVerdict.Restart, AutosshVerdict.Restart, AutosshVerdict.ExitError], verdicts);
    }
}
