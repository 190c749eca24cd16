using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Tests.History;

public sealed class DelegateTunnelHistoryTests
{
    [Fact]
    public async Task Get_Query_IsForwarded()
    {
        var since = DateTimeOffset.UnixEpoch;
        var entry = new TunnelHistoryEntry(since, "db", "ssh-started", 1, null);
        var history = new DelegateTunnelHistory((tunnel, from, limit, _) =>
            Task.FromResult<IReadOnlyList<TunnelHistoryEntry>>(tunnel == "db" && from == since && limit == 7 ? [entry] : []));

        var entries = await history.GetAsync("db", since, 7, CancellationToken.None);

        Assert.Equal([entry], entries);
    }
}
