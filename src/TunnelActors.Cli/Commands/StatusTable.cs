using System.Globalization;
using TunnelActors.Cli.Control;
using TunnelActors.Cli.Time;

namespace TunnelActors.Cli.Commands;

/// <summary>The <c>status</c> table: name, state, since (relative), restarts, RTT, last failure.</summary>
internal static class StatusTable
{
    private static readonly string[] Header = ["NAME", "STATE", "SINCE", "RESTARTS", "RTT", "LAST FAILURE"];

    /// <summary>Renders <paramref name="tunnels"/> as seen at <paramref name="now"/>.</summary>
    public static string Render(IEnumerable<TunnelStatusDocument> tunnels, DateTimeOffset now) =>
        TextTable.Render(Header, tunnels.Select(t => Row(t, now)));

    private static string[] Row(TunnelStatusDocument tunnel, DateTimeOffset now) =>
    [
        tunnel.Name,
        TunnelStateJsonConverter.WireName(tunnel.State),
        DurationText.Format(now - tunnel.Since),
        tunnel.Restarts.ToString(CultureInfo.InvariantCulture),
        tunnel.RttMs is { } rtt ? FormatRtt(rtt) : "-",
        LastFailure(tunnel, now),
    ];

    private static string FormatRtt(double milliseconds) =>
        milliseconds < 10
            ? milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms"
            : milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string LastFailure(TunnelStatusDocument tunnel, DateTimeOffset now)
    {
        if (tunnel.LastFailure is null)
        {
            return "-";
        }

        var text = tunnel.LastFailureAt is { } at ? $"{DurationText.Format(now - at)} ago: {tunnel.LastFailure}" : tunnel.LastFailure;
        return tunnel.NextStartAt is { } next && next > now ? $"{text} (next start in {DurationText.Format(next - now)})" : text;
    }
}
