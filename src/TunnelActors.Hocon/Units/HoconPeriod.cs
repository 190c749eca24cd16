namespace TunnelActors.Hocon.Units;

/// <summary>Periods (HOCON.md §Period Format) in whole days: bare numbers are days; d/day/days and w/week/weeks.</summary>
/// <remarks>Months and years have no fixed number of days and are rejected here.</remarks>
public static class HoconPeriod
{
    /// <summary>The period in days.</summary>
    /// <exception cref="HoconException">Not a period, a fractional number of days, or months/years.</exception>
    public static int ToDays(HoconValue value)
    {
        var (number, unit) = UnitValue.Split(value, "a period");
        var days = unit switch
        {
            "" or "d" or "day" or "days" => number,
            "w" or "week" or "weeks" => number * 7,
            "m" or "mo" or "month" or "months" or "y" or "year" or "years" => throw new HoconException(value.Origin, $"a period in '{unit}' has no fixed number of days; expected days (d) or weeks (w)"),
            _ => throw new HoconException(value.Origin, $"unknown period unit '{unit}'; expected d, day(s), w or week(s)"),
        };
        return days == decimal.Truncate(days) && days is >= int.MinValue and <= int.MaxValue
            ? (int)days
            : throw new HoconException(value.Origin, "expected a whole number of days");
    }
}
