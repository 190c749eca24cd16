namespace TunnelActors.Hocon;

/// <summary>The <c>null</c> literal (hides earlier values of the same key when merging).</summary>
public sealed class HoconNull(HoconOrigin origin) : HoconValue(origin)
{
    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Null;

    internal override string? ConcatText => "null";

    /// <summary><c>null</c>.</summary>
    public override string ToString() => "null";
}
