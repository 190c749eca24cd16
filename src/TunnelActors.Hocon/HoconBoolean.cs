namespace TunnelActors.Hocon;

/// <summary>A <c>true</c> or <c>false</c> literal.</summary>
public sealed class HoconBoolean(bool value, HoconOrigin origin) : HoconValue(origin)
{
    /// <summary>The value.</summary>
    public bool Value { get; } = value;

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Boolean;

    internal override string? ConcatText => Value ? "true" : "false";

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public override string ToString() => ConcatText!;
}
