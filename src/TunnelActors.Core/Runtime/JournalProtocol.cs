namespace TunnelActors.Core.Runtime;

/// <summary>Messages understood by the <see cref="JournalActor"/> (besides <see cref="Tunnels.TunnelLifecycleEvent"/>).</summary>
public abstract record JournalMessage;

/// <summary>A reload was applied: later reload stops are journaled with this digest, and the reload itself is recorded.</summary>
public sealed record RecordConfigurationReloaded(string Digest) : JournalMessage;

/// <summary>Asks for every event sent before it to be committed; answered with <see cref="JournalFlushed"/>.</summary>
public sealed record FlushJournal : JournalMessage
{
    /// <summary>The single instance.</summary>
    public static readonly FlushJournal Instance = new();
}

/// <summary>Every event sent before the <see cref="FlushJournal"/> is committed (or counted as dropped).</summary>
public sealed record JournalFlushed : JournalMessage
{
    /// <summary>The single instance.</summary>
    public static readonly JournalFlushed Instance = new();
}

/// <summary>Timer: prune the journal by its retention policy.</summary>
internal sealed record PruneJournal : JournalMessage
{
    public static readonly PruneJournal Instance = new();
}
