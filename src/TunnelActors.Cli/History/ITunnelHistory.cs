namespace TunnelActors.Cli.History;

/// <summary>Read access to the event journal for the control API (the SQLite journal implements it).</summary>
public interface ITunnelHistory
{
    /// <summary>Events at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/> (the newest ones).</summary>
    /// <param name="tunnel">One tunnel's name, or null for every tunnel (including removed ones).</param>
    /// <param name="since">The earliest event time to return.</param>
    /// <param name="limit">The maximum number of events.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<TunnelHistoryEntry>> GetAsync(string? tunnel, DateTimeOffset since, int limit, CancellationToken cancellationToken);
}
