using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal.Storage;
using TunnelActors.Core.Journal.Writing;

namespace TunnelActors.Core.Journal;

/// <summary>Everything the journal needs at open, from <see cref="JournalSettings"/> plus the tuning in <see cref="JournalOptions"/>.</summary>
/// <param name="BufferCapacity">Events held while the store is unavailable before new ones are dropped.</param>
/// <param name="SnapshotEvery">A tunnel's counters are snapshotted after this many new events.</param>
/// <param name="Retention">What <see cref="EventJournal.PruneAsync"/> removes.</param>
/// <param name="Options">Batching, retry and timeout tuning.</param>
public sealed record JournalStartOptions(int BufferCapacity, int SnapshotEvery, RetentionPolicy Retention, JournalOptions Options)
{
    /// <summary>Builds the start options from the configured <paramref name="settings"/>.</summary>
    public static JournalStartOptions From(JournalSettings settings, JournalOptions? options = null) =>
        new(settings.BufferCapacity, settings.SnapshotEvery, new RetentionPolicy(settings.RetentionAge, settings.RetentionRowsPerTunnel), options ?? JournalOptions.Default);
}
