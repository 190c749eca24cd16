using System.Text.Json;
using System.Text.Json.Serialization;
using TunnelActors.Cli.History;

namespace TunnelActors.Cli.Control;

/// <summary>Source-generated JSON for the control API, shared by the daemon and the CLI: camelCase, states as text.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(TunnelStateJsonConverter)], WriteIndented = false)]
[JsonSerializable(typeof(TunnelStatusDocument))]
[JsonSerializable(typeof(List<TunnelStatusDocument>))]
[JsonSerializable(typeof(TunnelHistoryEntry))]
[JsonSerializable(typeof(List<TunnelHistoryEntry>))]
[JsonSerializable(typeof(ActionResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ReloadResponse))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
