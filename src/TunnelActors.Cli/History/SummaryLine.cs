using System.Globalization;
using TunnelActors.Cli.Time;
using TunnelActors.Core.Journal.Queries;

namespace TunnelActors.Cli.History;

/// <summary>One line per tunnel under the <c>history</c> table: restarts, availability, MTBF, MTTR and the last failure.</summary>
internal static class SummaryLine
{
    /// <summary>Formats <paramref name="summary"/>, times in <paramref name="zone"/>.</summary>
    public static string Format(TunnelSummary summary, TimeZoneInfo zone)
    {
        var window = DurationText.Format(summary.WindowEnd - summary.WindowStart);
        var availability = summary.AvailabilityPercent is { } percent
            ? $"availability {percent.ToString("0.##", CultureInfo.InvariantCulture)}% over {window}"
            : $"availability - over {window}";
        var last = summary.LastFailure is { } failure
            ? $"last failure {TimeZoneInfo.ConvertTime(failure.At, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {failure.FailureClass}: {LastLine(failure.Detail)}"
            : "no failure recorded";
        return $"{summary.PersistenceId}: restarts {summary.RestartsLastHour.ToString(CultureInfo.InvariantCulture)} in the last hour, "
            + $"{summary.RestartsLastDay.ToString(CultureInfo.InvariantCulture)} in the last day; {availability}; "
            + $"MTBF {Span(summary.Mtbf)}; MTTR {Span(summary.Mttr)}; {last}";
    }

    private static string Span(TimeSpan? span) => span is { } s ? DurationText.Format(s) : "-";

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
}
