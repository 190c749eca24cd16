namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>One measurement; <see cref="Censored"/> means the run was cut at <see cref="Value"/> (the cap) without an answer.</summary>
internal readonly record struct Sample(double Value, bool Censored)
{
    /// <summary>A measured value.</summary>
    public static Sample Of(double value) => new(value, false);

    /// <summary>A run cut at the cap.</summary>
    public static Sample AtCap(double cap) => new(cap, true);

    /// <summary>The median, censored when the middle sample is (censored samples sort last, as "more than the cap").</summary>
    public static Sample? Median(IReadOnlyList<Sample> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.OrderBy(s => s.Censored).ThenBy(s => s.Value).ToList();
        var mid = sorted.Count / 2;
        if (sorted.Count % 2 == 1)
        {
            return sorted[mid];
        }

        var (low, high) = (sorted[mid - 1], sorted[mid]);
        return high.Censored ? high : Of((low.Value + high.Value) / 2);
    }

    /// <summary>The value as text: "1.234", or "&gt;60.000" when censored.</summary>
    public string Format(int decimals) => (Censored ? ">" : string.Empty) + Value.ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture);
}
