using System.Globalization;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>The samples of one scenario metric for both tools, its goal and notes.</summary>
internal sealed class ScenarioResult(string name, string goal, int decimals = 3)
{
    /// <summary>Machine-readable name, e.g. <c>kill_recovery_s</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The goal as text (e.g. "ratio <= 1.0").</summary>
    public string Goal { get; } = goal;

    public List<Sample> Autossh { get; } = [];

    public List<Sample> TunnelActors { get; } = [];

    /// <summary>Why the TunnelActors side has no samples, when it has none.</summary>
    public string? TunnelActorsUnavailable { get; set; }

    /// <summary>Configuration descriptions and measured side facts.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Decides whether the goal is met from the two medians (null: cannot tell).</summary>
    public Func<Sample?, Sample?, bool?> Check { get; init; } = (_, _) => null;

    public Sample? AutosshMedian => Sample.Median(Autossh);

    public Sample? TunnelActorsMedian => Sample.Median(TunnelActors);

    /// <summary>tunnelactors / autossh as text ("&lt;x" when autossh was cut at its cap, "n/a" when undefined).</summary>
    public string Ratio
    {
        get
        {
            if (AutosshMedian is not { } a || TunnelActorsMedian is not { } t || t.Censored || a.Value == 0)
            {
                return "n/a";
            }

            var ratio = (t.Value / a.Value).ToString("F3", CultureInfo.InvariantCulture);
            return a.Censored ? "<" + ratio : ratio;
        }
    }

    /// <summary>"yes", "NO", or "?" when it cannot be decided.</summary>
    public string Met => Check(AutosshMedian, TunnelActorsMedian) switch { true => "yes", false => "NO", null => "?" };

    public string AutosshText => AutosshMedian?.Format(decimals) ?? "none";

    public string TunnelActorsText => TunnelActorsMedian?.Format(decimals) ?? (TunnelActorsUnavailable is null ? "none" : "unavailable");

    /// <summary>The line scripts parse: <c>name autossh_median=x tunnelactors_median=y ratio=y/x</c>.</summary>
    public string MachineLine => $"{Name} autossh_median={AutosshText} tunnelactors_median={TunnelActorsText} ratio={Ratio}";

    /// <summary>Goal helper: tunnelactors/autossh ≤ <paramref name="limit"/> (a censored autossh counts as larger than its cap).</summary>
    public static Func<Sample?, Sample?, bool?> RatioAtMost(double limit) => (a, t) =>
        a is null || t is null ? null
        : t.Value.Censored ? false
        : a.Value.Value == 0 ? t.Value.Value == 0 // autossh at zero: only zero matches it
        : t.Value.Value / a.Value.Value <= limit;

    /// <summary>Goal helper: the tunnelactors median ≤ <paramref name="limit"/>.</summary>
    public static Func<Sample?, Sample?, bool?> OursAtMost(double limit) => (_, t) =>
        t is null ? null : !t.Value.Censored && t.Value.Value <= limit;
}
