using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The signal table of autossh.md §4.3 (C1-C4) with the documented fixes outside the watch.</summary>
public sealed class AutosshSignalsTests
{
    [Theory]
    [InlineData(AutosshSignal.Term, AutosshPhase.Watching, AutosshSignalAction.StopAndExit, "received signal to exit (15)")] // C1
    [InlineData(AutosshSignal.Int, AutosshPhase.Watching, AutosshSignalAction.StopAndExit, "received signal to exit (2)")]
    [InlineData(AutosshSignal.Term, AutosshPhase.Backoff, AutosshSignalAction.StopAndExit, "signalled to exit")]            // C4
    [InlineData(AutosshSignal.Term, AutosshPhase.StartUp, AutosshSignalAction.StopAndExit, "signalled to exit")]            // autossh dies by the signal
    [InlineData(AutosshSignal.Usr1, AutosshPhase.Watching, AutosshSignalAction.RestartSsh, "signalled to kill and restart ssh")] // C2
    [InlineData(AutosshSignal.Usr1, AutosshPhase.Backoff, AutosshSignalAction.SkipBackoff, "signalled to restart ssh now")]  // C4: autossh dies
    [InlineData(AutosshSignal.Usr1, AutosshPhase.StartUp, AutosshSignalAction.Ignore, null)]
    [InlineData(AutosshSignal.Hup, AutosshPhase.Watching, AutosshSignalAction.Ignore, null)]                                // C3
    [InlineData(AutosshSignal.Usr2, AutosshPhase.Watching, AutosshSignalAction.Ignore, null)]                               // C3
    [InlineData(AutosshSignal.Hup, AutosshPhase.Backoff, AutosshSignalAction.Ignore, null)]                                 // C4: autossh dies
    [InlineData(AutosshSignal.Usr2, AutosshPhase.StartUp, AutosshSignalAction.Ignore, null)]
    public void Decide_SignalInPhase_GivesAction(AutosshSignal signal, AutosshPhase phase, AutosshSignalAction action, string? message)
    {
        var decision = AutosshSignals.Decide(signal, phase);

        Assert.Equal(action, decision.Action);
        Assert.Equal(message, decision.Message);
    }
}
