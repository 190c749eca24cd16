using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>autossh's own exit statuses (autossh.md §6.4).</summary>
public sealed class AutosshExitStatusTests
{
    [Theory]
    [InlineData(AutosshOutcome.Version, 0)]
    [InlineData(AutosshOutcome.BackgroundParent, 0)]      // A5
    [InlineData(AutosshOutcome.SshExitedCleanly, 0)]      // B2
    [InlineData(AutosshOutcome.MaxStartReached, 0)]       // B5, B10
    [InlineData(AutosshOutcome.MaxLifetimeExceeded, 0)]   // B11
    [InlineData(AutosshOutcome.UsageError, 1)]            // A6
    [InlineData(AutosshOutcome.InvalidSetting, 1)]        // F4, F5
    [InlineData(AutosshOutcome.StartupFailure, 1)]        // E5
    [InlineData(AutosshOutcome.PrematureExit, 1)]         // B1, B4
    [InlineData(AutosshOutcome.SshFailed, 1)]             // B3, B6
    [InlineData(AutosshOutcome.Signalled, 1)]             // C1
    [InlineData(AutosshOutcome.ExecFailure, 1)]           // B14
    public void For_Outcome_GivesAutosshStatus(AutosshOutcome outcome, int status) =>
        Assert.Equal(status, AutosshExitStatus.For(outcome));

    [Fact]
    public void OutcomeOf_Decisions_MapToOutcomes()
    {
        var premature = AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(0), 1, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        var failed = AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(3), 2, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        var clean = AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(0), 2, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        var restart = AutosshSshEndClassifier.Classify(AutosshSshEnd.Exited(255), 2, TimeSpan.FromSeconds(30), TimeSpan.Zero);

        Assert.Equal(AutosshOutcome.PrematureExit, AutosshExitStatus.OutcomeOf(premature));
        Assert.Equal(AutosshOutcome.SshFailed, AutosshExitStatus.OutcomeOf(failed));
        Assert.Equal(AutosshOutcome.SshExitedCleanly, AutosshExitStatus.OutcomeOf(clean));
        Assert.Null(AutosshExitStatus.OutcomeOf(restart));
    }
}
