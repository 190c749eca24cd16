using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Journal.Writing;

/// <summary>An item of the writer's queue.</summary>
internal abstract record JournalCommand;

/// <summary>Events of one persistence id, appended at <paramref name="Timestamp"/>, stored all or none and never split across transactions.</summary>
/// <remarks><paramref name="Payloads"/> are the events already serialized by the appending thread, which spreads that work over the callers.</remarks>
internal sealed record AtomicWrite(string PersistenceId, DateTimeOffset Timestamp, TunnelEvent[] Events, byte[][] Payloads) : JournalCommand;

/// <summary>Completes once everything queued before it is committed (or lost and counted).</summary>
internal sealed record FlushRequest(TaskCompletionSource Done) : JournalCommand;
