using TunnelActors.Cli.Commands;
using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class HistoryTableTests
{
    [Fact]
    public void Render_Entries_ShowsTimesInTheGivenZone()
    {
        var at = new DateTimeOffset(2026, 11, 22, 12, 0, 5, TimeSpan.Zero);
        var zone = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

        var text = HistoryTable.Render([new TunnelHistoryEntry(at, "db", "ssh-exited", 3, "exit 255"), new TunnelHistoryEntry(at, "db", "ssh-started", null, null)], zone);

        Assert.Equal(
            "TIME                 TUNNEL  EVENT        INC  DETAIL\n"
            + "2026-11-22 14:00:05  db      ssh-exited   3    exit 255\n"
            + "2026-11-22 14:00:05  db      ssh-started  -    \n",
            text);
    }
}
