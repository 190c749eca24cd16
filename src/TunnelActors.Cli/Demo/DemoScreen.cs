using System.Globalization;
using TunnelActors.Cli.Commands;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Demo;

/// <summary>Shows the demo: a live table on a terminal, or one line per event when output is redirected.</summary>
internal sealed class DemoScreen(TextWriter output, bool interactive)
{
    private const int EventsShown = 10;
    private static readonly string[] Header = ["TUNNEL", "STATE", "SSH PID", "RESTARTS", "RTT", "TRAFFIC", "LAST FAILURE"];
    private readonly List<string> _events = [];
    private TimeSpan _elapsed;

    /// <summary>Records an event (printed at once when not interactive).</summary>
    public void Event(string text)
    {
        var line = $"[{_elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6}s] {text}";
        _events.Add(line);
        if (!interactive)
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Redraws the table (interactive), or prints it every tenth call (redirected).</summary>
    public void Render(
        IReadOnlyList<DemoTunnel> tunnels,
        IReadOnlyDictionary<string, TunnelStatus> statuses,
        IReadOnlyDictionary<string, bool> traffic,
        TimeSpan elapsed)
    {
        _elapsed = elapsed;
        var table = TextTable.Render(Header, tunnels.Select(t => Row(t, statuses.GetValueOrDefault(t.Name), traffic[t.Name])));
        if (!interactive)
        {
            return;
        }

        output.Write("\e[H\e[2J");
        output.WriteLine($"tunnelactors demo: {elapsed.TotalSeconds:0}s; a fault is injected every few seconds. Ctrl-C cleans up and exits.\n");
        foreach (var tunnel in tunnels)
        {
            output.WriteLine($"  {tunnel.Name,-6} {tunnel.Description}");
        }

        output.WriteLine();
        output.Write(table);
        output.WriteLine();
        foreach (var line in _events.TakeLast(EventsShown))
        {
            output.WriteLine(line);
        }

        output.Flush();
    }

    private static string[] Row(DemoTunnel tunnel, TunnelStatus? status, bool traffic) =>
    [
        tunnel.Name,
        status?.State.ToString().ToLowerInvariant() ?? "?",
        status?.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
        status?.Restarts.ToString(CultureInfo.InvariantCulture) ?? "-",
        status?.LastProbeRtt is { } rtt ? rtt.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "-",
        traffic ? "ok" : "DOWN",
        status?.LastFailureClass is { } cls ? $"{cls}: {status.LastFailure}" : "-",
    ];
}
