namespace TunnelActors.Core.Journal.Storage;

/// <summary>A filter over one tunnel's events; every bound is inclusive and optional.</summary>
/// <param name="PersistenceId">The tunnel name.</param>
/// <param name="From">Earliest timestamp.</param>
/// <param name="To">Latest timestamp.</param>
/// <param name="Kinds">Only these kinds (null or empty: all).</param>
/// <param name="MinSequenceNr">Lowest sequence number.</param>
/// <param name="MaxSequenceNr">Highest sequence number.</param>
/// <param name="NewestFirst">Order by sequence number descending instead of ascending.</param>
/// <param name="Limit">At most this many rows.</param>
public sealed record EventQuery(
    string PersistenceId,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlyCollection<string>? Kinds = null,
    long? MinSequenceNr = null,
    long? MaxSequenceNr = null,
    bool NewestFirst = false,
    int Limit = 1000);
