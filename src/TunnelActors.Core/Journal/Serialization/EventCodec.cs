using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Core.Journal.Serialization;

/// <summary>Turns events into (kind, schema version, UTF-8 JSON) and back; the only place that knows payload formats.</summary>
/// <remarks>
/// Upgrading a payload: bump <see cref="EventKinds.CurrentSchemaVersion"/> for that kind here, and decode older versions
/// into the new record in <see cref="Decode"/>. A kind or version this build does not know decodes to
/// <see cref="UnrecognizedEvent"/>, so a downgrade never loses or hides rows.
/// </remarks>
internal static class EventCodec
{
    /// <summary>Serializer id stored in the <c>identifier</c> column (1 = System.Text.Json, as the Akka SQL schema expects an int).</summary>
    public const int SerializerId = 1;

    /// <summary>Schema version of the snapshot payload (<see cref="TunnelCounters"/>).</summary>
    public const int SnapshotSchemaVersion = 1;

    private static readonly JournalJsonContext Context = JournalJsonContext.Default;

    public static byte[] Encode(TunnelEvent @event) => @event switch
    {
        SshStarted e => Serialize(e, Context.SshStarted),
        TunnelUp e => Serialize(e, Context.TunnelUp),
        ProbeFailed e => Serialize(e, Context.ProbeFailed),
        SshExited e => Serialize(e, Context.SshExited),
        RestartScheduled e => Serialize(e, Context.RestartScheduled),
        GaveUp e => Serialize(e, Context.GaveUp),
        StoppedByOperator e => Serialize(e, Context.StoppedByOperator),
        StoppedByReload e => Serialize(e, Context.StoppedByReload),
        ConfigurationLoaded e => Serialize(e, Context.ConfigurationLoaded),
        ConfigurationReloaded e => Serialize(e, Context.ConfigurationReloaded),
        UnrecognizedEvent e => System.Text.Encoding.UTF8.GetBytes(e.Json),
        _ => throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event)),
    };

    public static TunnelEvent Decode(string kind, int schemaVersion, byte[] payload)
    {
        if (schemaVersion > EventKinds.CurrentSchemaVersion)
        {
            return Unrecognized(kind, schemaVersion, payload);
        }

        TunnelEvent? decoded;
        try
        {
            decoded = DecodeKnown(kind, payload);
        }
        catch (JsonException)
        {
            // A damaged payload must not make a whole page or a recovery unreadable.
            decoded = null;
        }

        return decoded ?? Unrecognized(kind, schemaVersion, payload);
    }

    private static TunnelEvent? DecodeKnown(string kind, byte[] payload) => kind switch
    {
        EventKinds.SshStarted => JsonSerializer.Deserialize(payload, Context.SshStarted),
        EventKinds.TunnelUp => JsonSerializer.Deserialize(payload, Context.TunnelUp),
        EventKinds.ProbeFailed => JsonSerializer.Deserialize(payload, Context.ProbeFailed),
        EventKinds.SshExited => JsonSerializer.Deserialize(payload, Context.SshExited),
        EventKinds.RestartScheduled => JsonSerializer.Deserialize(payload, Context.RestartScheduled),
        EventKinds.GaveUp => JsonSerializer.Deserialize(payload, Context.GaveUp),
        EventKinds.StoppedByOperator => JsonSerializer.Deserialize(payload, Context.StoppedByOperator),
        EventKinds.StoppedByReload => JsonSerializer.Deserialize(payload, Context.StoppedByReload),
        EventKinds.ConfigurationLoaded => JsonSerializer.Deserialize(payload, Context.ConfigurationLoaded),
        EventKinds.ConfigurationReloaded => JsonSerializer.Deserialize(payload, Context.ConfigurationReloaded),
        _ => null,
    };

    public static byte[] EncodeSnapshot(TunnelCounters counters) => Serialize(counters, Context.TunnelCounters);

    /// <summary>Decodes a snapshot, or null when its version is unknown (recovery then replays from the start).</summary>
    public static TunnelCounters? DecodeSnapshot(int schemaVersion, byte[] payload) =>
        schemaVersion == SnapshotSchemaVersion ? JsonSerializer.Deserialize(payload, Context.TunnelCounters) : null;

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static UnrecognizedEvent Unrecognized(string kind, int schemaVersion, byte[] payload) =>
        new(kind, schemaVersion, System.Text.Encoding.UTF8.GetString(payload));
}
