using System.Text.Json.Serialization;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Core.Journal.Serialization;

/// <summary>Source-generated (trim-safe) JSON metadata for every journal payload and the snapshot state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SshStarted))]
[JsonSerializable(typeof(TunnelUp))]
[JsonSerializable(typeof(ProbeFailed))]
[JsonSerializable(typeof(SshExited))]
[JsonSerializable(typeof(RestartScheduled))]
[JsonSerializable(typeof(GaveUp))]
[JsonSerializable(typeof(StoppedByOperator))]
[JsonSerializable(typeof(StoppedByReload))]
[JsonSerializable(typeof(ConfigurationLoaded))]
[JsonSerializable(typeof(ConfigurationReloaded))]
[JsonSerializable(typeof(TunnelCounters))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
