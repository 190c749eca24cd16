using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Journal.Queries;

/// <summary>One page of events and the cursor for the next page.</summary>
/// <param name="Entries">The events, in the query's order.</param>
/// <param name="NextCursor">Pass to the next call to continue; null when this was the last page.</param>
public sealed record EventPage(IReadOnlyList<JournalEntry> Entries, long? NextCursor);
