using System.Globalization;

namespace TunnelActors.Cli.Time;

/// <summary>Parses a <c>since</c> value: a duration back from now (<c>1h</c>) or an ISO 8601 time.</summary>
internal static class SinceText
{
    /// <summary>The instant <paramref name="text"/> designates relative to <paramref name="now"/>; false if malformed.</summary>
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset since)
    {
        if (DurationText.TryParse(text, out var back))
        {
            since = back >= now - DateTimeOffset.MinValue ? DateTimeOffset.MinValue : now - back;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }
}
