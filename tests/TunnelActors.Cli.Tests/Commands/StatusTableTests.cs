using TunnelActors.Cli.Commands;
using TunnelActors.Cli.Control;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class StatusTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_Tunnels_ShowsRelativeTimesRttAndFailures()
    {
        var backingOff = FakeTunnelController.Status("db", TunnelState.BackingOff, Now.AddSeconds(-40), restarts: 7, failure: "Permission denied (publickey)")
            with { NextStartAt = Now.AddSeconds(25), LastFailureAt = Now.AddMinutes(-2) };
        var up = FakeTunnelController.Status("web", TunnelState.Up, Now.AddHours(-26), rtt: TimeSpan.FromMilliseconds(3.24));

        var lines = StatusTable.Render([TunnelStatusDocument.From(backingOff), TunnelStatusDocument.From(up)], Now).Split('\n');

        Assert.Equal("NAME  STATE        SINCE  RESTARTS  RTT     LAST FAILURE", lines[0]);
        Assert.Equal("db    backing-off  40s    7         -       2m ago: Permission denied (publickey) (next start in 25s)", lines[1]);
        Assert.Equal("web   up           1d2h   0         3.2 ms  -", lines[2]);
    }
}
