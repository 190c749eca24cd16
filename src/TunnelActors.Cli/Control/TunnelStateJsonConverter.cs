using System.Text.Json;
using System.Text.Json.Serialization;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Control;

/// <summary>Writes <see cref="TunnelState"/> as lower-case kebab text (<c>up</c>, <c>backing-off</c>), never as a number.</summary>
public sealed class TunnelStateJsonConverter() : JsonStringEnumConverter<TunnelState>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
{
    /// <summary>The wire name of a state, as the converter writes it.</summary>
    public static string WireName(TunnelState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());
}
