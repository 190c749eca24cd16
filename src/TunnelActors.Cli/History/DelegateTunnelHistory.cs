namespace TunnelActors.Cli.History;

/// <summary>An <see cref="ITunnelHistory"/> over a query function, to wire the journal in one line.</summary>
/// <param name="query">Answers (tunnel or null, since, limit) with events, oldest first.</param>
public sealed class DelegateTunnelHistory(
    Func<string?, DateTimeOffset, int, CancellationToken, Task<IReadOnlyList<TunnelHistoryEntry>>> query) : ITunnelHistory
{
    /// <inheritdoc />
    public Task<IReadOnlyList<TunnelHistoryEntry>> GetAsync(string? tunnel, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        query(tunnel, since, limit, cancellationToken);
}
