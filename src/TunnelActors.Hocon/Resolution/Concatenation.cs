namespace TunnelActors.Hocon.Resolution;

/// <summary>A value concatenation that holds at least one substitution, resolved after parsing.</summary>
/// <remarks>Parts are in order; unquoted whitespace between parts is a <see cref="HoconString"/> with
/// <see cref="HoconString.IsSeparator"/> set.</remarks>
internal sealed class Concatenation(HoconOrigin origin, List<HoconValue> parts) : HoconValue(origin)
{
    public List<HoconValue> Parts { get; } = parts;

    public override HoconValueKind Kind => HoconValueKind.Unresolved;

    internal override string? ConcatText => null;

    internal override string Describe() => "a concatenation";
}
