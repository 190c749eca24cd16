using System.Text.Json;
using System.Text.Json.Serialization;

namespace TunnelActors.Cli.Doctor;

/// <summary>Source-generated JSON for <c>doctor --json</c>: camelCase, indented.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(DoctorReport))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext;
