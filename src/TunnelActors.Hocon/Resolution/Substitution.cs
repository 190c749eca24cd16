namespace TunnelActors.Hocon.Resolution;

/// <summary>An unresolved <c>${path}</c> or <c>${?path}</c>.</summary>
/// <remarks><c>Prefix</c>: for a substitution in an included file, the path of the include point, tried first.
/// <c>Anchor</c>: for an include inside an array element, the element object, tried first.</remarks>
internal sealed class Substitution(HoconOrigin origin, string[] path, bool optional, string[]? prefix, HoconObject? anchor) : HoconValue(origin)
{
    public string[] Path { get; } = path;

    public bool Optional { get; } = optional;

    public string[]? Prefix { get; } = prefix;

    public HoconObject? Anchor { get; } = anchor;

    public override HoconValueKind Kind => HoconValueKind.Unresolved;

    internal override string? ConcatText => null;

    internal override string Describe() => $"${{{(Optional ? "?" : string.Empty)}{HoconPath.Render(Path)}}}";
}
