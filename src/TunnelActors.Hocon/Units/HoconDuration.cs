using System.Collections.Frozen;

namespace TunnelActors.Hocon.Units;

/// <summary>Durations (HOCON.md §Duration format): a bare number is milliseconds; units are lowercase and case-sensitive.</summary>
public static class HoconDuration
{
    private static readonly FrozenDictionary<string, decimal> NanosPerUnit = Build();

    /// <summary>The duration in nanoseconds.</summary>
    /// <exception cref="HoconException">Not a number or a duration string, unknown unit, or out of range.</exception>
    public static long ToNanoseconds(HoconValue value)
    {
        var (number, unit) = UnitValue.Split(value, "a duration");
        if (!NanosPerUnit.TryGetValue(unit.Length == 0 ? "ms" : unit, out var factor))
        {
            throw new HoconException(value.Origin, $"unknown duration unit '{unit}'; expected ns, us, ms, s, m, h or d (or their long names: seconds, minutes, ...)");
        }

        try
        {
            return (long)decimal.Round(number * factor, MidpointRounding.ToZero);
        }
        catch (OverflowException)
        {
            throw new HoconException(value.Origin, "duration is out of range (at most about 292 years)");
        }
    }

    /// <summary>The duration as a <see cref="TimeSpan"/> (100 ns resolution).</summary>
    public static TimeSpan ToTimeSpan(HoconValue value) => TimeSpan.FromTicks(ToNanoseconds(value) / 100);

    private static FrozenDictionary<string, decimal> Build()
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal nanos, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = nanos;
            }
        }

        Add(1m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1_000m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1_000_000m, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1_000_000_000m, "s", "second", "seconds");
        Add(60_000_000_000m, "m", "minute", "minutes");
        Add(3_600_000_000_000m, "h", "hour", "hours");
        Add(86_400_000_000_000m, "d", "day", "days");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
