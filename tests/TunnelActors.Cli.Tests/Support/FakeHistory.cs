using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>A journal read side over a fixed list; records the last query.</summary>
internal sealed class FakeHistory(IReadOnlyList<TunnelHistoryEntry> entries) : ITunnelHistory
{
    public (string? Tunnel, DateTimeOffset Since, int Limit)? LastQuery { get; private set; }

    public Task<IReadOnlyList<TunnelHistoryEntry>> GetAsync(string? tunnel, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        LastQuery = (tunnel, since, limit);
        IReadOnlyList<TunnelHistoryEntry> matching = [.. entries.Where(e => (tunnel is null || e.Tunnel == tunnel) && e.At >= since).TakeLast(limit)];
        return Task.FromResult(matching);
    }
}
