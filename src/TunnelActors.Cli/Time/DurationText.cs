using System.Globalization;

namespace TunnelActors.Cli.Time;

/// <summary>Short human durations: <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>2d</c>, as used by <c>--since</c> and <c>status</c>.</summary>
internal static class DurationText
{
    /// <summary>Parses a sequence of <c>&lt;number&gt;&lt;unit&gt;</c> parts (units d, h, m, s, ms); false if malformed.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            var letters = digits;
            while (letters < span.Length && char.IsAsciiLetterLower(span[letters]))
            {
                letters++;
            }

            if (digits == 0 || letters == digits
                || !long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || UnitOf(span[digits..letters]) is not { } unit
                || value > TimeSpan.MaxValue.Ticks / unit.Ticks)
            {
                return false;
            }

            duration += unit * value;
            span = span[letters..];
        }

        return true;
    }

    /// <summary>Formats with the two largest units: <c>42s</c>, <c>5m12s</c>, <c>2h13m</c>, <c>3d4h</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration switch
        {
            { TotalSeconds: < 60 } => $"{(int)duration.TotalSeconds}s",
            { TotalHours: < 1 } => Two(duration.Minutes, "m", duration.Seconds, "s"),
            { TotalDays: < 1 } => Two(duration.Hours, "h", duration.Minutes, "m"),
            _ => Two(duration.Days, "d", duration.Hours, "h"),
        };
    }

    private static string Two(int major, string majorUnit, int minor, string minorUnit) =>
        minor == 0 ? $"{major}{majorUnit}" : $"{major}{majorUnit}{minor}{minorUnit}";

    private static TimeSpan? UnitOf(ReadOnlySpan<char> unit) => unit switch
    {
        "d" => TimeSpan.FromDays(1),
        "h" => TimeSpan.FromHours(1),
        "m" => TimeSpan.FromMinutes(1),
        "s" => TimeSpan.FromSeconds(1),
        "ms" => TimeSpan.FromMilliseconds(1),
        _ => null,
    };
}
