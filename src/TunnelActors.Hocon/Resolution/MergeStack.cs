namespace TunnelActors.Hocon.Resolution;

/// <summary>A later value of a key over an earlier one, when at least one of them is unresolved.</summary>
/// <remarks>A chain of these is the key's merge stack, newest on top. Resolution evaluates
/// <see cref="Top"/> first and looks at <see cref="Below"/> only when the top is an object (to merge) or
/// undefined (an optional substitution that found nothing), or when the top refers to its own key.</remarks>
internal sealed class MergeStack(HoconValue below, HoconValue top) : HoconValue(top.Origin)
{
    public HoconValue Below { get; } = below;

    public HoconValue Top { get; } = top;

    public override HoconValueKind Kind => HoconValueKind.Unresolved;

    internal override string? ConcatText => null;

    internal override string Describe() => "a merge of several values";
}
