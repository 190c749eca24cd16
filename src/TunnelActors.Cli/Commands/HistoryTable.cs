using System.Globalization;
using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Commands;

/// <summary>The <c>history</c> table: time (local), tunnel, event, incarnation, detail.</summary>
internal static class HistoryTable
{
    private static readonly string[] Header = ["TIME", "TUNNEL", "EVENT", "INC", "DETAIL"];

    /// <summary>Renders the entries with times in <paramref name="zone"/>.</summary>
    public static string Render(IEnumerable<TunnelHistoryEntry> entries, TimeZoneInfo zone) =>
        TextTable.Render(Header, entries.Select(e => (IReadOnlyList<string>)
        [
            TimeZoneInfo.ConvertTime(e.At, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.Tunnel,
            e.Event,
            e.Incarnation?.ToString(CultureInfo.InvariantCulture) ?? "-",
            e.Detail ?? "",
        ]));
}
