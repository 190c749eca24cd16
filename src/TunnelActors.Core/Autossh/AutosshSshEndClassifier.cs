using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>autossh's <c>ssh_wait()</c> decision (autossh.md §4.1): restart or exit after ssh ended on its own.</summary>
/// <remarks>
/// Checks in order: killed by a signal → restart (even within the gate); first launch within the gate →
/// exit 1 for any status; 255 → restart; 0 → exit 0; 1 or 2 → restart unless first launch with a gate;
/// anything else → exit 1. When autossh kills ssh itself (failed test, SIGUSR1, lifetime) this is not used.
/// </remarks>
public static class AutosshSshEndClassifier
{
    /// <summary>Classifies one end of ssh.</summary>
    /// <param name="end">How ssh ended.</param>
    /// <param name="startCount">Launches so far including this one (1 for the very first).</param>
    /// <param name="gateTime">The gate (0 disables it; <c>-f</c> forces 0).</param>
    /// <param name="lived">How long this ssh ran, from just before its start to its end.</param>
    /// <remarks>
    /// autossh compares whole wall-clock seconds (<c>difftime(time(), start) ≤ gate</c>), so a run of up to G+1 s
    /// may count as within the gate; we compare the exact duration on a monotonic clock: within means
    /// <c>lived ≤ gate</c>.
    /// </remarks>
    public static AutosshDecision Classify(AutosshSshEnd end, int startCount, TimeSpan gateTime, TimeSpan lived)
    {
        if (end.Signal is { } signal)
        {
            return Info(AutosshVerdict.Restart, $"ssh exited on signal {signal}, restarting ssh");
        }

        var status = end.ExitStatus ?? 0;
        var gated = startCount == 1 && gateTime > TimeSpan.Zero;
        if (gated && lived <= gateTime)
        {
            return new AutosshDecision(AutosshVerdict.ExitError, AutosshLogLevel.Error,
                Format($"ssh exited prematurely with status {status}; autossh exiting"));
        }

        return status switch
        {
            255 => Info(AutosshVerdict.Restart, $"ssh exited with error status {status}; restarting ssh"),
            0 => Info(AutosshVerdict.ExitOk, $"ssh exited with status {status}; autossh exiting"),
            1 or 2 when !gated => Info(AutosshVerdict.Restart, $"ssh exited with error status {status}; restarting ssh"),
            _ => Info(AutosshVerdict.ExitError, $"ssh exited with status {status}; autossh exiting"),
        };
    }

    private static AutosshDecision Info(AutosshVerdict verdict, FormattableString message) =>
        new(verdict, AutosshLogLevel.Info, Format(message));

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
